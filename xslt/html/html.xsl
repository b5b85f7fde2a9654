<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML edition. Entry points:
       a TEI document as the source     → its document page
       named template "home"             → index.html
       named template "register" ($kind) → persons.html, places.html, organizations.html
       named template "register-entries" ($kind) → every entry's page of that register, as
                                           (id, page) pairs: persons/<id>.html, …
       named template "timeline"         → timeline.html
       named template "search"           → search.html
     Python (teiedition.publish.html) decides which pages and where they are written. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:include href="pages.xsl"/>
  <xsl:include href="header.xsl"/>
  <xsl:include href="text.xsl"/>
  <xsl:include href="names.xsl"/>
  <xsl:include href="notes.xsl"/>

  <!-- URIs as they are: the edition's are ASCII, and HTML5 takes any other as written (escaping
       them cost a twentieth of a document page) -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              include-content-type="no" escape-uri-attributes="no"/>

  <!-- The unnamed mode makes a document page from a TEI document and nothing else. -->
  <xsl:mode on-no-match="shallow-skip"/>

  <xsl:template match="/">
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="te:title(.)"/>
      <xsl:with-param name="source" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/" mode="te:head">
    <xsl:apply-templates select="TEI" mode="metadata"/>
  </xsl:template>

  <xsl:template match="/" mode="te:content">
    <!-- absent for a file that is not one of the edition's documents -->
    <xsl:variable name="position" as="xs:integer?"
        select="if ($neighbours-given) then () else index-of($te:chronology ! te:id(.), te:id(.))[1]"/>
    <xsl:apply-templates select="TEI" mode="document">
      <xsl:with-param name="previous" select="if ($neighbours-given) then $previous-document
                                              else $position ! $te:chronology[$position - 1]"/>
      <xsl:with-param name="next" select="if ($neighbours-given) then $next-document
                                          else $position ! $te:chronology[$position + 1]"/>
    </xsl:apply-templates>
  </xsl:template>
</xsl:stylesheet>
