<?xml version="1.0" encoding="UTF-8"?>
<!-- The text as Typst: blocks separated by blank lines, every character through te:typst. An
     element this stylesheet does not know falls through to its text. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="print" on-no-match="text-only-copy"/>

  <xsl:template match="text()" mode="print">
    <xsl:value-of select="te:typst(.)"/>
  </xsl:template>

  <!-- White space between blocks is Typst's business, not the text's. -->
  <xsl:template match="text()[not(normalize-space())][not(parent::p | parent::seg | parent::head
      | parent::signed | parent::byline | parent::dateline | parent::q | parent::supplied
      | parent::persName | parent::placeName | parent::orgName | parent::date
      | parent::note)]" mode="print"/>

  <!-- The closer's lines to the right, but the address a letter gives under its signature,
       which stays on the left as the original places it. -->
  <xsl:template match="opener | closer" mode="print">
    <xsl:variable name="address" as="element()*" select="self::closer/seg[@type = 'addressee']"/>
    <xsl:call-template name="te:lines">
      <xsl:with-param name="lines" select="* except $address"/>
      <xsl:with-param name="right" select="exists(self::closer)"/>
    </xsl:call-template>
    <xsl:if test="exists($address)">
      <xsl:call-template name="te:lines">
        <xsl:with-param name="lines" select="$address"/>
        <xsl:with-param name="right" select="false()"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Lines of an opener or closer as one block, each on a line of its own. -->
  <xsl:template name="te:lines">
    <xsl:param name="lines" as="element()*"/>
    <xsl:param name="right" as="xs:boolean"/>
    <xsl:text>#block(above: 0.8em, below: 0.8em)[</xsl:text>
    <xsl:if test="$right">#set align(right)
</xsl:if>
    <xsl:for-each select="$lines">
      <xsl:apply-templates select="." mode="print"/>
      <xsl:if test="position() != last()"> \
</xsl:if>
    </xsl:for-each>
    <xsl:text>]

</xsl:text>
  </xsl:template>

  <xsl:template match="head" mode="print">
    <xsl:text>
#align(center)[#strong[</xsl:text>
    <xsl:apply-templates mode="print"/>
    <xsl:text>]]

</xsl:text>
  </xsl:template>

  <xsl:template match="p" mode="print">
    <xsl:apply-templates select="parent::sp[p[1] is current()]/speaker" mode="print"/>
    <xsl:apply-templates mode="print"/>
    <xsl:text>

</xsl:text>
  </xsl:template>

  <!-- A turn of a conversation: its speaker, in bold, opens its first paragraph. -->
  <xsl:template match="sp" mode="print">
    <xsl:apply-templates select="* except speaker" mode="print"/>
  </xsl:template>

  <xsl:template match="speaker" mode="print">
    <xsl:text>#strong[</xsl:text>
    <xsl:apply-templates mode="print"/>
    <xsl:text>] </xsl:text>
  </xsl:template>

  <!-- A list's own line over it ("Distribution:"): a line of the text, not a heading. -->
  <xsl:template match="list/head" mode="print">
    <xsl:apply-templates mode="print"/>
    <xsl:text>

</xsl:text>
  </xsl:template>

  <xsl:template match="list" mode="print">
    <xsl:apply-templates select="head" mode="print"/>
    <xsl:for-each select="item">
      <xsl:text>#pad(left: {if (ancestor::item) then '3em' else '1.5em'})[</xsl:text>
      <xsl:text>#h(-1.5em)#box(width: 1.5em)[{te:typst(string(preceding-sibling::*[1][self::label]))}]</xsl:text>
      <xsl:apply-templates mode="print"/>
      <xsl:text>]
</xsl:text>
    </xsl:for-each>
    <xsl:text>
</xsl:text>
  </xsl:template>

  <xsl:template match="item/p" mode="print" priority="1">
    <xsl:apply-templates mode="print"/>
    <xsl:if test="following-sibling::*">
      <xsl:text>

</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="label" mode="print"/>

  <!-- A web address in the text: a link in the PDF too. -->
  <xsl:template match="ref[not(@type)][matches(@target, '^https?://')]" mode="print">
    <xsl:text>#link({te:typst-string(string(@target))})[</xsl:text>
    <xsl:apply-templates mode="print"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- A table's heading: over it, at its left edge, as the table stands. -->
  <xsl:template match="table/head" mode="print">
    <xsl:text>
#block(below: 0.6em)[#strong[</xsl:text>
    <xsl:apply-templates mode="print"/>
    <xsl:text>]]
</xsl:text>
  </xsl:template>

  <!-- A table: its heading over it, every row as wide as the widest, its missing cells empty. -->
  <xsl:template match="table" mode="print">
    <xsl:variable name="columns" as="xs:integer" select="max(row/count(cell))"/>
    <xsl:apply-templates select="head" mode="print"/>
    <xsl:text>#table(columns: {$columns}, stroke: 0.4pt,
</xsl:text>
    <xsl:for-each select="row">
      <xsl:variable name="label" as="xs:boolean" select="@role = 'label'"/>
      <xsl:for-each select="cell">
        <xsl:text>[</xsl:text>
        <xsl:if test="$label">#strong[</xsl:if>
        <xsl:apply-templates mode="print"/>
        <xsl:if test="$label">]</xsl:if>
        <xsl:text>], </xsl:text>
      </xsl:for-each>
      <xsl:for-each select="1 to $columns - count(cell)">
        <xsl:text>[], </xsl:text>
      </xsl:for-each>
      <xsl:text>
</xsl:text>
    </xsl:for-each>
    <xsl:text>)

</xsl:text>
  </xsl:template>

  <!-- A newspaper's or journal's title: in italics. -->
  <xsl:template match="title[@level = 'j']" mode="print">
    <xsl:text>#emph[</xsl:text>
    <xsl:apply-templates mode="print"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="hi[@rend = 'superscript']" mode="print">
    <xsl:text>#super[</xsl:text>
    <xsl:apply-templates mode="print"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="q" mode="print">
    <xsl:value-of select="te:typst(te:quote-marks(@rend)[1])"/>
    <xsl:apply-templates mode="print"/>
    <xsl:value-of select="te:typst(te:quote-marks(@rend)[2])"/>
  </xsl:template>

  <xsl:template match="lb | fw" mode="print"/>

  <!-- The original's page begins: a small line to the right, between the blocks. -->
  <xsl:template match="pb" mode="print">
    <xsl:text>#align(right)[#text(size: 0.8em)[{te:typst('[' || te:page-label(.) || ']')}]]

</xsl:text>
  </xsl:template>
  <!-- … or inside a sentence that runs on across it: the same words within the paragraph. -->
  <xsl:template match="p//pb" mode="print">
    <xsl:text>#text(size: 0.8em)[{te:typst('[' || te:page-label(.) || ']')}]</xsl:text>
  </xsl:template>
  <!-- "* * *" between two parts of the text: the mark as printed, centred between them. -->
  <xsl:template match="milestone[@unit = 'section']" mode="print">
    <xsl:text>#align(center)[{te:typst(@rend)}]

</xsl:text>
  </xsl:template>
  <xsl:template match="anchor" mode="print"/>
</xsl:stylesheet>
