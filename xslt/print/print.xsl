<?xml version="1.0" encoding="UTF-8"?>
<!-- The print edition: TEI → Typst markup, compiled to PDF by Python (teiedition.publish.pdf).
       named template "volume" → the volume: title page, imprint, contents, introduction,
                                  abbreviations, persons, the documents numbered, indexes
       a TEI document as source → that document alone
     Every piece of transcript text goes through te:typst (escape.xsl): nothing of it is ever
     read as Typst markup. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="escape.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="notes.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip"/>

  <!-- One document alone. -->
  <xsl:template match="/">
    <xsl:call-template name="te:setup">
      <xsl:with-param name="title" select="te:title(.)"/>
    </xsl:call-template>
    <xsl:apply-templates select="TEI" mode="document">
      <xsl:with-param name="number" select="()"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- The whole volume. -->
  <xsl:template name="volume">
    <xsl:call-template name="te:setup">
      <xsl:with-param name="title" select="$edition-title"/>
    </xsl:call-template>
    <xsl:call-template name="te:front-matter"/>
    <xsl:for-each select="$te:chronology">
      <xsl:apply-templates select="TEI" mode="document">
        <xsl:with-param name="number" select="position()"/>
      </xsl:apply-templates>
    </xsl:for-each>
    <xsl:call-template name="te:indexes"/>
  </xsl:template>

  <!-- Page, type and document metadata; running heads from the document being read. -->
  <xsl:template name="te:setup">
    <xsl:param name="title" as="xs:string"/>
    <xsl:text>// A part of the volume (a document, the introduction, an index) starts on a new page, with
// its running head; states, not queries, so each page's head costs the same in any volume.
#let te-running = state("te-running", none)
#let te-fresh = state("te-fresh", false)
#let te-part(title, short) = {{
  te-running.update(short)
  te-fresh.update(true)
  pagebreak(weak: true)
  heading(level: 1, title)
  te-fresh.update(false)
}}
#set document(title: {te:typst-string($title)}, author: {te:typst-array($editors)},
  keywords: {te:typst-array($keywords)}, description: {
      te:typst-string($edition-subtitle)})
#set page(paper: "a4", margin: (x: 2.4cm, top: 2.6cm, bottom: 2.4cm), numbering: "1",
  header: context {{
    // no running head on the page a part begins on, nor before the first part
    if te-running.get() != none and not te-fresh.get() [
      #set text(size: 8.5pt)
      #te-running.get() #h(1fr) #counter(page).display()
    ]
  }},
  // the page number is in the running head, or at the foot of a page without one
  footer: context {{
    if te-running.get() == none or te-fresh.get() [
      #set text(size: 8.5pt)
      #align(center, counter(page).display())
    ]
  }})
#set text(font: "Libertinus Serif", size: 10.5pt, lang: "en", hyphenate: true)
#set par(justify: true, leading: 0.62em, spacing: 0.9em)
#set text(costs: (widow: 100%, orphan: 100%, hyphenation: 100%, runt: 100%))
#show heading: set block(sticky: true)
#set heading(numbering: none)
#show heading.where(level: 1): it => {{ pagebreak(weak: true); set text(size: 15pt); it }}
#show heading.where(level: 2): set text(size: 12.5pt)
#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))
</xsl:text>
  </xsl:template>
</xsl:stylesheet>
