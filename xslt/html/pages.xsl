<?xml version="1.0" encoding="UTF-8"?>
<!-- The page frame (landmarks, skip link, navigation, footer) and the edition-level pages:
     home, timeline, search. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="te:sections" as="map(xs:string, xs:string)*" select="
      map{'path': 'index.html', 'label': 'Documents'},
      map{'path': 'persons.html', 'label': 'Persons'},
      map{'path': 'places.html', 'label': 'Places'},
      map{'path': 'organizations.html', 'label': 'Organisations'},
      map{'path': 'timeline.html', 'label': 'Timeline'},
      map{'path': 'search.html', 'label': 'Search'}"/>

  <!-- A page's head elements and content, made in place from its $source (templates in these
       modes), so that they are not first built apart and then copied: the document page is
       made once per document. -->
  <xsl:mode name="te:head" on-no-match="shallow-skip"/>
  <xsl:mode name="te:content" on-no-match="shallow-skip"/>

  <!-- Every page: one h1 in main, landmarks, a skip link, version and build date. The head and
       content are $head and $content, or made from $source (te:head and te:content modes). -->
  <xsl:template name="te:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="head" as="element()*" select="()"/>
    <xsl:param name="content" as="node()*" select="()"/>
    <xsl:param name="source" as="node()?" select="()"/>
    <xsl:param name="scripts" as="element()*" select="()"/>
    <!-- the page's own path, when one run makes several pages (a register's entries) -->
    <xsl:param name="path" as="xs:string" select="$page-path"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>{$title} · {$edition-title}</title>
        <link rel="canonical" href="{$base-url}{$path}"/>
        <link rel="stylesheet" href="{te:href('assets/edition.css')}"/>
        <xsl:sequence select="$head"/>
        <xsl:apply-templates select="$source" mode="te:head"/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to the content</a>
        <header class="site-header">
          <p class="site-title"><a href="{te:href('index.html')}">{$edition-title}</a></p>
          <nav aria-label="Edition">
            <ul>
              <xsl:for-each select="$te:sections">
                <li>
                  <a href="{te:href(?path)}">
                    <xsl:if test="?path = $path">
                      <xsl:attribute name="aria-current" select="'page'"/>
                    </xsl:if>
                    <xsl:value-of select="?label"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
          <xsl:apply-templates select="$source" mode="te:content"/>
        </main>
        <footer class="site-footer">
          <p>{$edition-title}, version {$version}, built {$build-date}. Published by {$publisher}.
            <xsl:if test="$licence != ''">
              <xsl:text> </xsl:text>
              <a href="{$licence-url}" rel="license">{$licence}</a>
            </xsl:if>
          </p>
        </footer>
        <script src="{te:href('assets/edition.js')}" defer=""/>
        <xsl:sequence select="$scripts"/>
      </body>
    </html>
  </xsl:template>

  <!-- Home: the documents, oldest first, with filters (the list works without script). -->
  <xsl:template name="home">
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="'Documents'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$edition-title}</h1>
        <xsl:if test="$edition-subtitle != ''">
          <p class="subtitle">{$edition-subtitle}</p>
        </xsl:if>
        <p class="editors">Edited by {string-join(tokenize($editors, '; '), ', ')}.</p>
        <p class="introduction">{$introduction}</p>
        <p>How the documents are encoded, and what the brackets and marks in the texts mean, is
          set out in the edition’s <a href="{te:href('tei/teiedition.odd')}">encoding manual</a>
          (a TEI ODD); every document page also has a key to its conventions.</p>
        <xsl:if test="exists($downloads)">
          <section aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">Downloads</h2>
            <ul class="downloads">
              <xsl:for-each select="$downloads">
                <li><a href="{te:href(substring-after(., '|'))}">{substring-before(., '|')}</a></li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
        <section aria-labelledby="documents-heading">
          <h2 id="documents-heading">The documents</h2>
          <form class="filters" aria-label="Filter the documents" hidden="">
            <xsl:call-template name="te:filter">
              <xsl:with-param name="name" select="'year'"/>
              <xsl:with-param name="label" select="'Year'"/>
              <xsl:with-param name="options" select="distinct-values($te:chronology ! te:year(.)) ! map{'value': ., 'label': .}"/>
            </xsl:call-template>
            <xsl:call-template name="te:filter">
              <xsl:with-param name="name" select="'archive'"/>
              <xsl:with-param name="label" select="'Archive'"/>
              <xsl:with-param name="options" select="sort(distinct-values($te:chronology ! te:archive-key(.)))
                  ! (let $key := . return map{'value': $key,
                     'label': te:archive-short(($te:chronology[te:archive-key(.) = $key])[1])})"/>
            </xsl:call-template>
            <xsl:call-template name="te:filter">
              <xsl:with-param name="name" select="'language'"/>
              <xsl:with-param name="label" select="'Original language'"/>
              <xsl:with-param name="options" select="sort(distinct-values($te:chronology ! te:language(.)))
                  ! (let $code := . return map{'value': $code,
                     'label': te:language-name(($te:chronology[te:language(.) = $code])[1])})"/>
            </xsl:call-template>
            <xsl:call-template name="te:filter">
              <xsl:with-param name="name" select="'person'"/>
              <xsl:with-param name="label" select="'Person'"/>
              <xsl:with-param name="options" select="
                  sort(distinct-values($te:chronology ! te:persons-of(.)),
                       (), function($id) { te:entity-label($id) })
                  ! map{'value': ., 'label': te:entity-label(.)}"/>
            </xsl:call-template>
            <p class="filter-status" role="status" aria-live="polite"/>
          </form>
          <ol class="documents">
            <xsl:for-each select="$te:chronology">
              <li data-year="{te:year(.)}" data-archive="{te:archive-key(.)}"
                  data-language="{te:language(.)}" data-person="{te:persons-of(.)}">
                <p class="document-date">{te:date-label(te:creation(.))}</p>
                <h3><a href="{te:href(te:document-path(.))}">{te:title(.)}</a></h3>
                <p class="document-facts">{string-join((te:document-type(.), te:archive-short(.),
                    'translated from ' || te:language-name(.))[. != ''], ' · ')}</p>
                <p class="summary">{te:plain(.//profileDesc/abstract)}</p>
              </li>
            </xsl:for-each>
          </ol>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="te:filter">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="options" as="map(xs:string, xs:string)*"/>
    <p class="filter">
      <label for="filter-{$name}">{$label}</label>
      <select id="filter-{$name}" name="{$name}">
        <option value="">all</option>
        <xsl:for-each select="$options">
          <option value="{?value}">{?label}</option>
        </xsl:for-each>
      </select>
    </p>
  </xsl:template>

  <!-- Timeline: the documents on a time axis, drawn as SVG, with the same list as text. -->
  <xsl:template name="timeline">
    <xsl:variable name="days" as="xs:date*" select="$te:chronology ! xs:date(te:timeline-day(.))"/>
    <xsl:variable name="first" as="xs:integer" select="year-from-date(min($days))"/>
    <xsl:variable name="last" as="xs:integer" select="year-from-date(max($days)) + 1"/>
    <xsl:variable name="width" as="xs:integer" select="900"/>
    <xsl:variable name="span" as="xs:double"
        select="(xs:date($last || '-01-01') - xs:date($first || '-01-01')) div xs:dayTimeDuration('P1D')"/>
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="'Timeline'"/>
      <xsl:with-param name="content" as="node()*">
        <h1>Timeline</h1>
        <p>The documents by date, {$first}–{$last - 1}. Each mark links to its document.</p>
        <figure class="timeline">
          <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$width + 40} {80 + 30 * count($te:chronology)}"
               aria-labelledby="timeline-title">
            <title id="timeline-title">The edition's documents on a time axis</title>
            <line x1="20" y1="40" x2="{$width + 20}" y2="40" class="axis"/>
            <xsl:for-each select="$first to $last">
              <xsl:variable name="x" as="xs:double"
                  select="20 + $width * ((xs:date(. || '-01-01') - xs:date($first || '-01-01')) div xs:dayTimeDuration('P1D')) div $span"/>
              <line x1="{$x}" y1="32" x2="{$x}" y2="48" class="tick"/>
              <text x="{$x}" y="24" class="year">{.}</text>
            </xsl:for-each>
            <xsl:for-each select="$te:chronology">
              <xsl:variable name="x" as="xs:double"
                  select="20 + $width * ((xs:date(te:timeline-day(.)) - xs:date($first || '-01-01')) div xs:dayTimeDuration('P1D')) div $span"/>
              <xsl:variable name="y" as="xs:integer" select="62 + 30 * position()"/>
              <!-- the label takes the side with more room, shortened to fit it -->
              <xsl:variable name="left" as="xs:boolean" select="$x > ($width + 40) div 2"/>
              <xsl:variable name="room" as="xs:double" select="if ($left) then $x - 30 else $width + 10 - $x"/>
              <a href="{te:href(te:document-path(.))}">
                <line x1="{$x}" y1="44" x2="{$x}" y2="{$y - 6}" class="stem"/>
                <circle cx="{$x}" cy="{$y - 6}" r="5" class="mark"/>
                <text x="{if ($left) then $x - 10 else $x + 10}" y="{$y}"
                      text-anchor="{if ($left) then 'end' else 'start'}">{
                  te:shorten(te:date-label(te:creation(.)) || ': ' || te:title(.),
                             xs:integer($room div $te:glyph-width))}</text>
              </a>
            </xsl:for-each>
          </svg>
        </figure>
        <h2>The documents in order</h2>
        <ol class="timeline-list">
          <xsl:for-each select="$te:chronology">
            <li><time datetime="{te:timeline-day(.)}">{te:date-label(te:creation(.))}</time>:
              <a href="{te:href(te:document-path(.))}">{te:title(.)}</a></li>
          </xsl:for-each>
        </ol>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The average width of a character of the timeline's labels, in its user units. -->
  <xsl:variable name="te:glyph-width" as="xs:double" select="7.2"/>

  <xsl:function name="te:shorten" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="length" as="xs:integer"/>
    <xsl:sequence select="if (string-length($text) le $length) then $text
                          else substring($text, 1, $length - 1) || '…'"/>
  </xsl:function>

  <!-- The day a document is drawn at: its date, or the start of its range. -->
  <xsl:function name="te:timeline-day" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="iso" as="xs:string" select="substring-before(te:sort-key($node), ' ')"/>
    <xsl:sequence select="substring($iso || '-01-01', 1, 10)"/>
  </xsl:function>

  <!-- Search: Pagefind's interface over the paragraph index; it needs script. -->
  <xsl:template name="search">
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="head" as="element()*">
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1>Search</h1>
        <p>Search the text of every document; names are found in any of their spellings
          ("Pak Song Chol", "Pak Seongcheol"). Results open the paragraph.</p>
        <div id="search">
          <xsl:if test="exists($search-shards)">
            <xsl:attribute name="data-merge" select="string-join($search-shards, ' ')"/>
          </xsl:if>
        </div>
        <noscript><p>The search needs JavaScript. Every other page works without it: the
          <a href="persons.html">registers</a> list every mention of every person, place and
          organisation.</p></noscript>
      </xsl:with-param>
      <xsl:with-param name="scripts" as="element()*">
        <script src="pagefind/pagefind-ui.js"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
