<?xml version="1.0" encoding="UTF-8"?>
<!-- Every parameter of the publishing stylesheets, typed, each with what it is for.
     Python sets them from edition.toml and the build (teiedition/publish). -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <!-- The edition's title. -->
  <xsl:param name="edition-title" as="xs:string" select="'Untitled edition'"/>
  <!-- The edition's subtitle; may be empty. -->
  <xsl:param name="edition-subtitle" as="xs:string" select="''"/>
  <!-- The editors, separated by "; ". -->
  <xsl:param name="editors" as="xs:string" select="''"/>
  <!-- Subject keywords for the PDF metadata, separated by "; ". -->
  <xsl:param name="keywords" as="xs:string" select="''"/>
  <!-- The publisher of the edition. -->
  <xsl:param name="publisher" as="xs:string" select="''"/>
  <!-- The licence of the edition's encoding and editorial matter. -->
  <xsl:param name="licence" as="xs:string" select="''"/>
  <!-- The licence's URL; may be empty. -->
  <xsl:param name="licence-url" as="xs:string" select="''"/>
  <!-- Where the edition is published, ending in "/": canonical links and citations begin here. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>
  <!-- The edition's version, as cited. -->
  <xsl:param name="version" as="xs:string" select="''"/>
  <!-- The build date, YYYY-MM-DD (reproducible: SOURCE_DATE_EPOCH or the last commit). -->
  <xsl:param name="build-date" as="xs:string" select="''"/>
  <!-- The edition's introduction, a paragraph of plain text. -->
  <xsl:param name="introduction" as="xs:string" select="''"/>
  <!-- Every TEI document of the edition. -->
  <xsl:param name="documents" as="array(document-node())" select="[]"/>
  <!-- True when the caller gives a document page its neighbours in the edition's order (the two
       parameters below), so that a page need not sort the whole edition; false: from $documents. -->
  <xsl:param name="neighbours-given" as="xs:boolean" select="false()"/>
  <!-- The document before this one in the edition's order (its header is enough); may be absent. -->
  <xsl:param name="previous-document" as="document-node()?" select="()"/>
  <!-- The document after this one in the edition's order (its header is enough); may be absent. -->
  <xsl:param name="next-document" as="document-node()?" select="()"/>
  <!-- The registers (curated and unreviewed), wrapped in one document; may be absent. -->
  <xsl:param name="registers" as="document-node()?" select="()"/>
  <!-- Each entry's mentioning documents, oldest first (te:mentioning-map), when a caller that
       makes pages in several runs has worked them out once; else each run works them out. -->
  <xsl:param name="mentioning" as="map(xs:string, document-node()*)?" select="()"/>
  <!-- The page being made, relative to the site's root: "index.html", "documents/x.html". -->
  <xsl:param name="page-path" as="xs:string" select="'index.html'"/>
  <!-- Search index shards the search page merges into the main index (bundle folders relative
       to the site's root, ending in "/"); empty when the edition has one index. -->
  <xsl:param name="search-shards" as="xs:string*" select="()"/>
  <!-- Whole-edition downloads, relative to the site's root, as "label|path" pairs; may be empty. -->
  <xsl:param name="downloads" as="xs:string*" select="()"/>
</xsl:stylesheet>
