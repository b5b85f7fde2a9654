<?xml version="1.0" encoding="UTF-8"?>
<!-- The TEI header on the document page: title, provenance, how to cite, downloads, and the
     metadata reference managers read (Highwire citation_*, Dublin Core, JSON-LD). -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="document" on-no-match="shallow-skip"/>
  <xsl:mode name="metadata" on-no-match="shallow-skip"/>

  <!-- The archive's facets (layout c) the provenance lists, by the type of their terms. -->
  <xsl:variable name="te:facets" as="map(xs:string, xs:string)*" select="
      map{'type': 'associated-people-organizations', 'label': 'People and organisations'},
      map{'type': 'associated-places', 'label': 'Places'},
      map{'type': 'associated-topics', 'label': 'Topics'},
      map{'type': 'subjects-discussed', 'label': 'Subjects discussed'}"/>

  <xsl:function name="te:document-url" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$base-url || te:document-path($node)"/>
  </xsl:function>

  <!-- The citation of a document, in words (the citation box, and the start of a paragraph's). -->
  <xsl:function name="te:citation" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="translators" as="xs:string*" select="te:credits($node, 'translation')"/>
    <xsl:sequence select="string-join((
        '“' || te:title($node) || ',” ' || te:date-label(te:creation($node)),
        string-join((te:archive-name($node), te:shelfmark($node))[. != ''], ', '),
        if (exists($translators)) then 'Translated by ' || string-join($translators, ' and ') else (),
        'In ' || $edition-title || ', edited by ' || string-join(tokenize($editors, '; '), ', ')
          || ', version ' || $version), '. ') || '.'"/>
  </xsl:function>

  <xsl:template match="TEI" mode="document">
    <xsl:param name="previous" as="document-node()?"/>
    <xsl:param name="next" as="document-node()?"/>
    <article class="document" data-pagefind-ignore="all">
      <h1>{te:title(.)}</h1>
      <p class="document-date">{te:date-label(te:creation(.))}{
        (teiHeader/profileDesc/creation/placeName ! (', ' || .))}</p>
      <nav class="sequence" aria-label="Previous and next document">
        <ul>
          <li>
            <xsl:if test="$previous">
              <a href="{te:href(te:document-path($previous))}" rel="prev">← {te:title($previous)}</a>
            </xsl:if>
          </li>
          <li>
            <xsl:if test="$next">
              <a href="{te:href(te:document-path($next))}" rel="next">{te:title($next)} →</a>
            </xsl:if>
          </li>
        </ul>
      </nav>
      <xsl:apply-templates select="teiHeader" mode="provenance"/>
      <xsl:call-template name="te:cite-box"/>
      <section class="text" aria-labelledby="text-heading">
        <h2 id="text-heading">Text</h2>
        <xsl:call-template name="te:conventions"/>
        <xsl:apply-templates select="text" mode="text"/>
      </section>
      <xsl:apply-templates select="teiHeader/profileDesc/abstract" mode="document"/>
      <section aria-labelledby="downloads-heading">
        <h2 id="downloads-heading">Download</h2>
        <p><a href="{te:href('tei/' || te:id(.) || '.xml')}" type="application/tei+xml"
              download="">The TEI P5 file of this document</a> (XML, with its own copies of the
          register entries it points to).</p>
      </section>
    </article>
  </xsl:template>

  <xsl:template match="abstract" mode="document">
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">The archive's summary</h2>
      <p>{te:plain(.)}</p>
    </section>
  </xsl:template>

  <!-- Provenance: every fact the archive's page gave, as a definition list. -->
  <xsl:template match="teiHeader" mode="provenance">
    <xsl:variable name="facts" as="map(xs:string, item()*)*" select="
        map{'label': 'Date', 'value': te:date-label(profileDesc/creation/date) ||
            (profileDesc/creation/date/@cert[. = 'medium'] ! ' (day not given)')},
        map{'label': 'Place', 'value': string(profileDesc/creation/placeName)},
        map{'label': 'Archive', 'value': te:archive-name(.) ||
            (if (te:archive-short(.) != te:archive-name(.)) then ' (' || te:archive-short(.) || ')' else '') ||
            (te:ms-identifier(.)/settlement ! (', ' || .))},
        map{'label': 'Shelfmark', 'value': te:shelfmark(.)},
        map{'label': 'Original language', 'value': te:language-name(.) ||
            (if (.//msItem/textLang/@cert) then ' (inferred from the archive)' else '')},
        map{'label': 'Translated by', 'value': string-join(te:credits(., 'translation'), ', ')},
        map{'label': 'Obtained by', 'value': string-join(te:credits(., 'obtained'), ', ')},
        map{'label': 'Classification', 'value': string((.//term[@type = 'classification'])[1])},
        map{'label': 'Type', 'value': te:document-type(.)},
        map{'label': 'Funded by', 'value': string-join(.//titleStmt/funder, ', ')}"/>
    <!-- the archive's facets (layout c), a term each -->
    <xsl:variable name="terms" as="element(term)*" select="profileDesc/textClass//term"/>
    <xsl:variable name="facets" as="map(xs:string, item()*)*" select="
        for $facet in $te:facets
        return map{'label': $facet?label, 'value': string-join($terms[@type = $facet?type], '; ')}"/>
    <section class="provenance" aria-labelledby="provenance-heading">
      <h2 id="provenance-heading">Source</h2>
      <dl>
        <xsl:for-each select="($facts, $facets)[normalize-space(string-join(?value)) != '']">
          <dt>{?label}</dt>
          <dd>{?value}</dd>
        </xsl:for-each>
        <xsl:if test="fileDesc/notesStmt/relatedItem[@type = 'related-document']">
          <dt>Related documents</dt>
          <xsl:for-each select="fileDesc/notesStmt/relatedItem[@type = 'related-document']/bibl">
            <dd>{string(title)}{date ! (' (' || te:date-label(.) || ')')}</dd>
          </xsl:for-each>
        </xsl:if>
        <xsl:for-each select="(fileDesc/publicationStmt/ptr[@type = 'wilson-center'])[1]">
          <dt>Archive record</dt>
          <dd><a href="{@target}">Wilson Center Digital Archive{
            ../idno[@type = 'wilson-center'] ! (', record ' || .)}</a></dd>
        </xsl:for-each>
        <xsl:for-each select="fileDesc/publicationStmt/availability/p[1]">
          <dt>Rights</dt>
          <dd>{string-join(../p, ' ')}</dd>
        </xsl:for-each>
      </dl>
    </section>
  </xsl:template>

  <!-- How to cite: the document (stable URL, version, access date), and each paragraph. -->
  <xsl:template name="te:cite-box">
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite this document</h2>
      <p class="citation" data-url="{te:document-url(.)}">{te:citation(.)} <a
          href="{te:document-url(.)}">{te:document-url(.)}</a> (accessed <span
          class="access-date">[date]</span>).</p>
      <p class="hint">Each paragraph has its own stable address: follow its ¶ mark, or use
        "Cite paragraph" beside it. Addresses stay valid in every later version.</p>
    </section>
  </xsl:template>

  <!-- For reference managers: Zotero reads these in one click. Each value is worked out once:
       several tags repeat it. -->
  <xsl:template match="TEI" mode="metadata">
    <xsl:variable name="date" as="element(date)?" select="te:creation(.)"/>
    <xsl:variable name="iso" as="xs:string" select="string(($date/@when, $date/@notBefore)[1])"/>
    <xsl:variable name="translators" as="xs:string*" select="te:credits(., 'translation')"/>
    <xsl:variable name="title" as="xs:string" select="te:title(.)"/>
    <xsl:variable name="url" as="xs:string" select="te:document-url(.)"/>
    <xsl:variable name="archive" as="xs:string" select="te:archive-name(.)"/>
    <xsl:variable name="shelfmark" as="xs:string" select="te:shelfmark(.)"/>
    <xsl:variable name="abstract" as="xs:string" select="te:plain(teiHeader/profileDesc/abstract)"/>
    <link rel="alternate" type="application/tei+xml" href="{te:href('tei/' || te:id(.) || '.xml')}"/>
    <meta name="citation_title" content="{$title}"/>
    <meta name="citation_date" content="{translate($iso, '-', '/')}"/>
    <xsl:for-each select="teiHeader/fileDesc/titleStmt/author">
      <meta name="citation_author" content="{.}"/>
    </xsl:for-each>
    <meta name="citation_publisher" content="{$publisher}"/>
    <meta name="citation_public_url" content="{$url}"/>
    <meta name="citation_abstract_html_url" content="{$url}"/>
    <meta name="citation_language" content="en"/>
    <meta name="citation_archive" content="{$archive}"/>
    <meta name="citation_archive_location" content="{$shelfmark}"/>
    <meta name="DC.title" content="{$title}"/>
    <meta name="DC.date" content="{$iso}"/>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>
    <meta name="DC.language" content="en"/>
    <meta name="DC.publisher" content="{$publisher}"/>
    <meta name="DC.source" content="{string-join(($archive, $shelfmark)[. != ''], ', ')}"/>
    <meta name="DC.identifier" content="{$url}"/>
    <meta name="DC.rights" content="{$licence}"/>
    <xsl:for-each select="$translators">
      <meta name="DC.contributor" content="{.}"/>
    </xsl:for-each>
    <meta name="DC.description" content="{$abstract}"/>
    <script type="application/ld+json">{te:script-json(map{
        '@context': 'https://schema.org',
        '@type': 'ArchiveComponent',
        'name': $title,
        'url': $url,
        'dateCreated': $iso,
        'inLanguage': 'en',
        'abstract': $abstract,
        'identifier': $shelfmark,
        'holdingArchive': map{'@type': 'ArchiveOrganization', 'name': $archive},
        'translator': array{$translators ! map{'@type': 'Person', 'name': .}},
        'isPartOf': map{'@type': 'Collection', 'name': $edition-title, 'url': $base-url},
        'publisher': map{'@type': 'Organization', 'name': $publisher},
        'license': $licence-url,
        'version': $version
      })}</script>
  </xsl:template>

  <!-- A map as JSON to stand in a script element, "<" escaped too: no string of the
       document's (a summary that opens an HTML comment, then a script tag) may then change
       how the HTML parser reads the element, and swallow the page into it. -->
  <xsl:function name="te:script-json" as="xs:string">
    <xsl:param name="data" as="map(*)"/>
    <xsl:sequence select="
        replace(serialize($data, map{'method': 'json', 'indent': false()}), '&lt;', '\\u003c')"/>
  </xsl:function>
</xsl:stylesheet>
