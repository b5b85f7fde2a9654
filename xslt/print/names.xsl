<?xml version="1.0" encoding="UTF-8"?>
<!-- Names: each mention leaves an invisible marker; the indexes at the end of the volume
     list, for each person and place, the pages on which those markers fall (Typst's query,
     so the page numbers are the layout's, not guessed). -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- A name the indexes list: its text, then a marker the index finds its page by. A
       document's markers are made once ($te:markers, from te:mention-markers), not once a
       mention: the same few people are named a hundred times, and the markers were a third
       of the print transform. -->
  <xsl:template match="persName[starts-with(@ref, '#')] | placeName[starts-with(@ref, '#')]" mode="print">
    <xsl:param name="te:markers" as="map(xs:string, xs:string)" tunnel="yes" select="map{}"/>
    <xsl:variable name="made" as="xs:string?" select="$te:markers(te:mention-key(.))"/>
    <xsl:apply-templates mode="print"/>
    <xsl:value-of select="if (exists($made)) then $made else te:mention-marker(.)"/>
  </xsl:template>

  <!-- What makes two names the same index entry: element name and reference
       ("persName#kim-il-sung"). -->
  <xsl:function name="te:mention-key" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="local-name($name) || $name/@ref"/>
  </xsl:function>

  <xsl:function name="te:mention-marker" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="'#metadata((kind: ' || te:typst-string(local-name($name)) || ', name: '
        || te:typst-string(te:index-name(substring($name/@ref, 2))) || '))&lt;mention&gt;'"/>
  </xsl:function>

  <!-- The markers of the names in `text`, by te:mention-key. -->
  <xsl:function name="te:mention-markers" as="map(xs:string, xs:string)">
    <xsl:param name="text" as="element()*"/>
    <xsl:map>
      <xsl:for-each-group select="$text//(persName | placeName)[starts-with(@ref, '#')]"
          group-by="te:mention-key(.)">
        <xsl:map-entry key="current-grouping-key()" select="te:mention-marker(.)"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>

  <!-- How an entry is listed in an index: "Kim Il Sung", "Khrushchev, Nikita Sergeyevich".
       Cached: a volume's documents name the same people. -->
  <xsl:function name="te:index-name" as="xs:string" cache="yes">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="entry" as="element()?"
        select="te:entry($id)"/>
    <xsl:variable name="main" as="element()?" select="$entry/persName[@type = 'main']"/>
    <xsl:sequence select="
        if ($main/surname and $main/forename and $main/forename[. &lt;&lt; $main/surname])
          then normalize-space($main/surname) || ', ' || normalize-space($main/forename)
        else te:entity-label($id)"/>
  </xsl:function>

  <!-- An index of persons and one of places, each where the volume names any (an empty
       index would be a part of its own with nothing in it). -->
  <xsl:template name="te:indexes">
    <xsl:variable name="named" as="xs:string*" select="distinct-values(
        $te:chronology/TEI/text//(persName | placeName)[starts-with(@ref, '#')]/local-name())"/>
    <xsl:for-each select="('persName', 'placeName')[. = $named]">
      <xsl:text>
#te-part({te:typst-string(if (. = 'persName') then 'Index of persons' else 'Index of places')}, {
  te:typst-string(if (. = 'persName') then 'Index of persons' else 'Index of places')})
#context {{
  let entries = (:)
  for m in query(&lt;mention&gt;).filter(m => m.value.kind == {te:typst-string(.)}) {{
    let pages = entries.at(m.value.name, default: ())
    let page = m.location().page()
    if page not in pages {{ pages.push(page) }}
    entries.insert(m.value.name, pages)
  }}
  set par(hanging-indent: 1.5em, justify: false)
  for (name, pages) in entries.pairs().sorted(key: p => lower(p.first())) {{
    par[#name, #pages.map(str).join(", ")]
  }}
}}
</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
