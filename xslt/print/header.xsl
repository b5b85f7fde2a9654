<?xml version="1.0" encoding="UTF-8"?>
<!-- The volume's front matter, and each document's heading with its source note (the first
     footnote, as in the FRUS volumes). -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="document" on-no-match="shallow-skip"/>

  <xsl:template name="te:front-matter">
    <xsl:text>#page(numbering: none, header: none)[
  #set par(justify: false)
  #v(28%)
  #align(center)[
    #text(size: 24pt)[{te:typst($edition-title)}]
    #v(1em)
    #text(size: 13pt)[{te:typst($edition-subtitle)}]
    #v(3em)
    #text(size: 12pt)[{te:typst(if (normalize-space($editors)) then 'Edited by ' || string-join(tokenize($editors, '; '), ', ') else '')}]
    #v(1fr)
    {te:typst($publisher)}
  ]
]
#page(numbering: none, header: none)[
  #v(1fr)
  #set text(size: 9pt)
  {te:typst($edition-title || '. Version ' || $version || ', built ' || $build-date || '.')}

  {te:typst('Edited by ' || string-join(tokenize($editors, '; '), ', ') || '. Published by ' || $publisher || '.')}

  {te:typst($licence)} {te:typst($licence-url)}

  {te:typst('Online: ' || $base-url)}
]
#outline(title: {te:typst-string('Contents')}, depth: 1)

#te-part({te:typst-string('Introduction')}, {te:typst-string('Introduction')})
{te:typst($introduction)}

== {te:typst('Editorial principles')}
</xsl:text>
    <xsl:call-template name="te:principles"/>
    <xsl:text>
#te-part({te:typst-string('Abbreviations')}, {te:typst-string('Abbreviations')})
</xsl:text>
    <xsl:for-each select="te:abbreviations()">
      <xsl:sort select="?short"/>
      <xsl:text>#grid(columns: (6em, 1fr), gutter: 0.5em, strong({te:typst-string(?short)}), {te:typst-string(?full)})
</xsl:text>
    </xsl:for-each>
    <xsl:text>
#te-part({te:typst-string('Persons')}, {te:typst-string('Persons')})
</xsl:text>
    <xsl:for-each select="$registers//person[@xml:id][not(@sameAs)][let $id := @xml:id return some $d in $te:chronology satisfies exists(key('mentions', $id, $d))]">
      <xsl:sort select="lower-case(string((persName[@type = 'main']/surname, persName[1])[1]))"/>
      <xsl:text>#par(hanging-indent: 1.5em)[*{te:typst(te:entity-label(@xml:id))}*{
        if (occupation) then ', ' || te:typst(string-join(occupation ! normalize-space(.), '; ')) else ''}]
</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <!-- Abbreviations the texts use: the organisations' and places' short forms. -->
  <xsl:function name="te:abbreviations" as="map(xs:string, xs:string)*">
    <xsl:sequence select="
        for $entry in $registers//(org | place)[@xml:id][not(@sameAs)],
            $form in $entry/(orgName | placeName)[matches(., '^[A-ZČŠ]{2,}[A-Za-z ]*$')][not(@type = 'main')]
        return map{'short': string($form), 'full': te:entity-label($entry/@xml:id)}"/>
  </xsl:function>

  <xsl:template match="TEI" mode="document">
    <xsl:param name="number" as="xs:integer?"/>
    <xsl:variable name="heading" as="xs:string"
        select="string-join(($number ! string(.), te:title(.)), '. ')"/>
    <xsl:variable name="short" as="xs:string"
        select="string-join(($number ! string(.), te:shorten-title(te:title(.))), '. ')"/>
    <xsl:text>
#te-part({te:typst-string($heading)}, {te:typst-string($short)})
#block(above: 0.4em, below: 1.2em)[#emph[{te:typst(te:date-label(te:creation(.)) ||
      (teiHeader/profileDesc/creation/placeName ! (', ' || .)))}]#footnote[{te:source-note(.)}]]
</xsl:text>
    <xsl:apply-templates select="text" mode="print">
      <xsl:with-param name="te:markers" tunnel="yes" select="te:mention-markers(text)"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- A running head's title: at most 70 characters, cut at a word boundary. -->
  <xsl:function name="te:shorten-title" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:sequence select="if (string-length($title) le 70) then $title
                          else replace(replace(substring($title, 1, 69), '\s+\S*$', ''), '[\s,;:]+$', '') || ' …'"/>
  </xsl:function>

  <!-- The source note: archive and shelfmark, language, classification, translator, who
       obtained it, the archive's record. -->
  <xsl:function name="te:source-note" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="parts" as="xs:string*" select="
        string-join((te:archive-name($node), te:shelfmark($node))[. != ''], ', '),
        'Original language: ' || te:language-name($node) ||
            (if (te:header($node)/fileDesc/sourceDesc//msItem/textLang/@cert) then ' (inferred from the archive)' else ''),
        (te:header($node)/profileDesc/textClass//term[@type = 'classification'])[1] ! ('Classification: ' || .),
        te:credits($node, 'translation')[1] ! ('Translated by ' || string-join(te:credits($node, 'translation'), ' and ')),
        te:credits($node, 'obtained')[1] ! ('Obtained by ' || string-join(te:credits($node, 'obtained'), ' and ')),
        (te:header($node)/fileDesc/publicationStmt/idno[@type = 'wilson-center'])[1] ! ('Wilson Center Digital Archive, record ' || .)"/>
    <xsl:value-of select="te:typst(string-join($parts[normalize-space(.) != ''], '. ') || '.')"/>
  </xsl:function>
</xsl:stylesheet>
