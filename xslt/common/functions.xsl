<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions shared by the HTML and print layers: what a document is, its date, archive and
     title, and a plain reading of TEI (corrections applied) for titles and metadata. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- A plain reading: the text with the translator's brackets and corrections applied. -->
  <xsl:mode name="plain" on-no-match="text-only-copy"/>

  <xsl:key name="entries" match="person | place | org" use="@xml:id"/>
  <xsl:key name="mentions" match="text//persName[@ref] | text//placeName[@ref] | text//orgName[@ref]"
           use="substring(@ref, 2)"/>

  <!-- The edition's documents, oldest first. -->
  <xsl:variable name="te:chronology" as="document-node()*"
      select="sort($documents?*, (), function($d) { te:sort-key($d) })"/>

  <xsl:function name="te:id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string(root($node)/TEI/@xml:id)"/>
  </xsl:function>

  <xsl:function name="te:document-path" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="'documents/' || te:id($node) || '.html'"/>
  </xsl:function>

  <!-- From the page being made back to the site's root: "", "../", … (worked out once a page,
       not at every link). -->
  <xsl:variable name="te:to-root" as="xs:string"
      select="string-join((for $step in tokenize($page-path, '/')[position() > 1] return '../'), '')"/>

  <!-- A site-root-relative path, as a link relative to the page being made. -->
  <xsl:function name="te:href" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="$te:to-root || $path"/>
  </xsl:function>

  <!-- The document's own header: what the functions below read, rather than searching the
       whole document (its text and standOff) for a header element. -->
  <xsl:function name="te:header" as="element(teiHeader)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="root($node)/TEI/teiHeader"/>
  </xsl:function>

  <xsl:function name="te:creation" as="element(date)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="(te:header($node)/profileDesc/creation/date)[1]"/>
  </xsl:function>

  <xsl:function name="te:sort-key" as="xs:string" visibility="public">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="date" as="element(date)?" select="te:creation($node)"/>
    <xsl:sequence select="string(($date/@when, $date/@notBefore, '9999')[1]) || ' ' || te:id($node)"/>
  </xsl:function>

  <xsl:function name="te:year" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="substring(te:sort-key($node), 1, 4)"/>
  </xsl:function>

  <!-- "1962-08-14" → "14 August 1962"; "1962-08" → "August 1962"; "1962" → "1962". -->
  <xsl:function name="te:format-iso" as="xs:string">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="
        if (matches($iso, '^\d{4}-\d{2}-\d{2}$')) then te:day-month-year(xs:date($iso))
        else if (matches($iso, '^\d{4}-\d{2}$'))
          then substring-after(te:day-month-year(xs:date($iso || '-01')), ' ')
        else $iso"/>
  </xsl:function>

  <!-- As format-date($date, '[D] [MNn] [Y]') in English, the month named from a table:
       format-date() took a tenth of a document page's transform. -->
  <xsl:function name="te:day-month-year" as="xs:string">
    <xsl:param name="date" as="xs:date"/>
    <xsl:sequence select="day-from-date($date) || ' ' || $te:month-names[month-from-date($date)]
        || ' ' || year-from-date($date)"/>
  </xsl:function>

  <xsl:variable name="te:month-names" as="xs:string+" select="('January', 'February', 'March',
      'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')"/>

  <!-- A dating element's normalised value in words, for people; "circa" where the source
       gives the date as approximate (cert="low" on a date: "Circa March 1963"). -->
  <xsl:function name="te:date-label" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="(if ($date/@cert = 'low') then 'circa ' else '') || te:date-value($date)"/>
  </xsl:function>

  <xsl:function name="te:date-value" as="xs:string">
    <xsl:param name="date" as="element()?"/>
    <xsl:sequence select="
        if (empty($date)) then 'undated'
        else if ($date/@when) then te:format-iso($date/@when)
        else if (substring($date/@notBefore, 1, 7) = substring($date/@notAfter, 1, 7)
                 and ends-with($date/@notBefore, '-01'))
          then te:format-iso(substring($date/@notBefore, 1, 7))
        else 'between ' || te:format-iso($date/@notBefore) || ' and ' || te:format-iso($date/@notAfter)"/>
  </xsl:function>

  <xsl:function name="te:plain" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="item()*">
      <xsl:apply-templates select="$nodes" mode="plain"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:function name="te:title" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="te:plain(te:header($node)/fileDesc/titleStmt/title[@type = 'main'])"/>
  </xsl:function>

  <xsl:function name="te:ms-identifier" as="element(msIdentifier)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="(te:header($node)/fileDesc/sourceDesc/msDesc/msIdentifier)[1]"/>
  </xsl:function>

  <!-- The archive as the citations abbreviate it ("AVPRF"), else its name. -->
  <xsl:function name="te:archive-short" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="repository" as="element(repository)?" select="te:ms-identifier($node)/repository"/>
    <xsl:sequence select="
        if ($repository//abbr) then string($repository//abbr)
        else if ($repository) then normalize-space($repository)
        else 'archive not identified'"/>
  </xsl:function>

  <xsl:function name="te:archive-name" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="repository" as="element(repository)?" select="te:ms-identifier($node)/repository"/>
    <xsl:sequence select="
        if ($repository//expan) then string($repository//expan)
        else if ($repository) then normalize-space($repository)
        else string(te:ms-identifier($node)/idno[@type = 'unparsed-citation'])"/>
  </xsl:function>

  <xsl:function name="te:archive-key" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string((te:ms-identifier($node)/repository/@key, 'unknown')[1])"/>
  </xsl:function>

  <xsl:function name="te:language" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="(te:header($node)/fileDesc/sourceDesc//msItem/textLang/@mainLang)[1]"/>
  </xsl:function>

  <xsl:function name="te:language-name" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string((te:header($node)/fileDesc/sourceDesc//msItem/textLang)[1])"/>
  </xsl:function>

  <xsl:function name="te:document-type" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string((te:header($node)/profileDesc/textClass//term[@type = 'document-type'])[1])"/>
  </xsl:function>

  <xsl:function name="te:shelfmark" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="parts" as="xs:string*" select="
        normalize-space(te:ms-identifier($node)/idno[@type = 'shelfmark']),
        te:header($node)/fileDesc/sourceDesc//msItem/locus/normalize-space()"/>
    <xsl:sequence select="string-join($parts[. != ''], ', ')"/>
  </xsl:function>

  <xsl:function name="te:credits" as="xs:string*">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="resp" as="xs:string"/>
    <xsl:sequence select="te:header($node)/fileDesc/titleStmt/respStmt[starts-with(resp, $resp)]/persName/string()"/>
  </xsl:function>

  <!-- A paragraph's number for people: "wcda-110485-p7" → "7". -->
  <xsl:function name="te:paragraph-number" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="replace($id, '^.*-[a-z]+(\d+)$', '$1')"/>
  </xsl:function>

  <!-- A note's mark as it is shown raised: superscript figures, as a copy from a word
       processor keeps them ("¹"), are shown as figures, which the page and the print raise. -->
  <xsl:function name="te:note-mark" as="xs:string">
    <xsl:param name="mark" as="xs:string"/>
    <xsl:sequence select="translate($mark, '¹²³⁴⁵⁶⁷⁸⁹⁰', '1234567890')"/>
  </xsl:function>

  <!-- How a citable unit is named for people: "¶ 7", "heading", "item 3", "note 2", "table 1"
       (the number of a note is the edition's, as a paragraph's is: the printed one is its @n). -->
  <xsl:function name="te:unit-label" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="
        if (matches($id, '-h\d+$')) then 'heading'
        else if (matches($id, '-i\d+$')) then 'item ' || te:paragraph-number($id)
        else if (matches($id, '-n\d+$')) then 'note ' || te:paragraph-number($id)
        else if (matches($id, '-t\d+$')) then 'table ' || te:paragraph-number($id)
        else '¶&#160;' || te:paragraph-number($id)"/>
  </xsl:function>

  <!-- Where a name is, as its mentions are listed: the id of the citable unit that holds it,
       as markup/text.py's unit_of says (the nearest element with an id but the document; a
       name in a turn's speaker, the turn's paragraph), else the part of the text it is in
       ("opener", "closer", "postscript"), else "text". -->
  <xsl:function name="te:mention-unit" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="speaker" as="element()?" select="$name/ancestor::speaker[1]"/>
    <xsl:sequence select="
        if ($speaker) then string(($speaker/../p)[1]/@xml:id)
        else (($name/ancestor::*[@xml:id][not(self::TEI)])[last()]/@xml:id,
              $name/ancestor::*[self::opener or self::closer or self::postscript][1]/local-name(),
              'text')[1]"/>
  </xsl:function>

  <!-- The page's anchor of a document's or an enclosure's opener or closer, which the
       search's records link to ("wcda-110485-closer1", "…-closer2" the first enclosure's),
       numbered by its division (counting siblings, not the whole text before it); none for
       a journal entry's. No TEI id: their lines are not citable units. -->
  <xsl:function name="te:part-anchor" as="xs:string?">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="
        if ($part/parent::div[@type = 'entry']) then ()
        else string($part/ancestor::TEI[1]/@xml:id) || '-' || local-name($part)
          || count($part/parent::div/preceding-sibling::div) + 1"/>
  </xsl:function>

  <!-- A citable unit's label, or the part's: "¶ 7", …, "signature", "opening lines". -->
  <xsl:function name="te:mention-unit-label" as="xs:string">
    <xsl:param name="unit" as="xs:string"/>
    <xsl:sequence select="
        if ($unit = 'closer') then 'signature'
        else if ($unit = 'opener') then 'opening lines'
        else if ($unit = ('postscript', 'text')) then $unit
        else te:unit-label($unit)"/>
  </xsl:function>

  <!-- Where the original's page begins (pb/@n): "page 2 of the original". -->
  <xsl:function name="te:page-label" as="xs:string">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="if ($pb/@n) then 'page ' || $pb/@n || ' of the original'
                          else 'a new page of the original'"/>
  </xsl:function>

  <!-- The register entry of an id: the edition's registers, else a document's own copy. -->
  <xsl:function name="te:entry" as="element()?">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="(if ($registers) then key('entries', $id, $registers) else (),
                           $documents?* ! key('entries', $id, .))[1]"/>
  </xsl:function>

  <xsl:function name="te:entity-label" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:variable name="entry" as="element()?" select="te:entry($id)"/>
    <xsl:variable name="main" as="element()?"
        select="($entry/*[local-name() = ('persName', 'placeName', 'orgName')][@type = 'main'],
                 $entry/*[local-name() = ('persName', 'placeName', 'orgName')])[1]"/>
    <xsl:sequence select="if ($main) then normalize-space(string-join($main//text(), '')) else $id"/>
  </xsl:function>

  <!-- Plain reading. -->
  <xsl:template match="sic | orig | abbr[parent::choice]" mode="plain"/>
  <xsl:template match="supplied | note[@type = 'editorial'] | ex" mode="plain">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="plain"/>
    <xsl:text>]</xsl:text>
  </xsl:template>
  <xsl:template match="gap" mode="plain">[…]</xsl:template>
  <xsl:template match="gap[desc]" mode="plain">[<xsl:value-of select="desc"/>]</xsl:template>
  <xsl:template match="unclear[@reason = 'query']" mode="plain">
    <xsl:apply-templates mode="plain"/>
    <xsl:text>[?]</xsl:text>
  </xsl:template>
  <xsl:template match="q" mode="plain">
    <xsl:sequence select="te:quote-marks(@rend)[1]"/>
    <xsl:apply-templates mode="plain"/>
    <xsl:sequence select="te:quote-marks(@rend)[2]"/>
  </xsl:template>
  <xsl:template match="lb | fw" mode="plain"/>
  <xsl:template match="note[not(@type = 'editorial')]" mode="plain"/>

  <!-- The marks a quotation was written with (q/@rend), opening and closing. -->
  <xsl:function name="te:quote-marks" as="xs:string+">
    <xsl:param name="rend" as="attribute()?"/>
    <xsl:variable name="marks" as="xs:string*" select="map{
        'low-high': ('„', '”'), 'low-curly': ('„', '“'),
        'guillemets': ('«', '»'), 'straight': ('&quot;', '&quot;')}(string($rend))"/>
    <xsl:sequence select="if (exists($marks)) then $marks else ('“', '”')"/>
  </xsl:function>
</xsl:stylesheet>
