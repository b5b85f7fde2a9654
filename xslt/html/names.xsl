<?xml version="1.0" encoding="UTF-8"?>
<!-- Persons, places and organisations: links from the text to the registers, and the
     register pages, where every mention links back to its paragraph. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="te:registers-of" as="map(xs:string, map(xs:string, xs:string))" select="map{
      'person': map{'page': 'persons.html', 'title': 'Persons', 'name': 'persName', 'class': 'person'},
      'place': map{'page': 'places.html', 'title': 'Places', 'name': 'placeName', 'class': 'place'},
      'org': map{'page': 'organizations.html', 'title': 'Organisations', 'name': 'orgName', 'class': 'org'}}"/>

  <!-- Where a register's entry pages are: the folder named as its page ("persons/"). -->
  <xsl:function name="te:entry-path" as="xs:string">
    <xsl:param name="register" as="map(xs:string, xs:string)"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="substring-before($register?page, '.html') || '/' || $id || '.html'"/>
  </xsl:function>

  <!-- The same, by the name element that points to the register: "persName" → the persons'. -->
  <xsl:variable name="te:registers-by-name" as="map(xs:string, map(xs:string, xs:string))"
      select="map:merge(map:keys($te:registers-of) ! map{$te:registers-of(.)?name: $te:registers-of(.)})"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <xsl:template match="persName | placeName | orgName" mode="text">
    <xsl:variable name="kind" as="map(xs:string, xs:string)" select="$te:registers-by-name(local-name())"/>
    <xsl:choose>
      <xsl:when test="starts-with(@ref, '#')">
        <a class="{$kind?class}{@cert ! ' inferred'}" href="{te:href($kind?page)}{@ref}">
          <xsl:if test="@cert">
            <xsl:attribute name="title" select="'identified by inference (' || @cert || ' certainty)'"/>
          </xsl:if>
          <xsl:apply-templates mode="text"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{$kind?class} unlinked"><xsl:apply-templates mode="text"/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Sorting a register: persons by surname, everything else by name. -->
  <xsl:function name="te:sort-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="lower-case(string(($entry/persName[@type = 'main']/surname,
        te:entity-label($entry/@xml:id))[1]) || ' ' || te:entity-label($entry/@xml:id))"/>
  </xsl:function>

  <xsl:function name="te:persons-of" as="xs:string*">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="sort(distinct-values(root($node)//text//persName/@ref[starts-with(., '#')]
                                               ! substring(., 2)))"/>
  </xsl:function>

  <!-- A register's entries, one per id (the edition's register first, else a document's own
       copy), in the register's order. -->
  <xsl:function name="te:register-entries" as="element()*">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:for-each-group select="$registers//*[local-name() = $kind][@xml:id][not(@sameAs)],
        $documents?*/TEI/standOff//*[local-name() = $kind][@xml:id][not(@sameAs)]" group-by="@xml:id">
      <xsl:sort select="te:sort-name(current-group()[1])"/>
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- The documents that mention an entry, oldest first. -->
  <xsl:function name="te:mentioning" as="document-node()*">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if (exists($mentioning)) then $mentioning($id)
                          else $te:chronology[exists(key('mentions', $id, .))]"/>
  </xsl:function>

  <!-- For a caller making entry pages in several runs, to work out once and give each run:
       every entry's mentioning documents (as te:mentioning gives them), in one pass over the
       documents, as $mentioning (else every run asks every document about each of its
       entries); and a register's entries, as the template register-entries' $entries. -->
  <xsl:template name="mentioning-map" as="map(xs:string, document-node()*)">
    <xsl:map>
      <!-- a document joins the group of every id it mentions, in the edition's order -->
      <xsl:for-each-group select="$te:chronology" group-by="distinct-values(
          .//text//(persName | placeName | orgName)[@ref] ! substring(@ref, 2))">
        <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:template>

  <xsl:template name="register-entry-list" as="element()*">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:sequence select="te:register-entries($kind)"/>
  </xsl:template>

  <!-- A register's page: every entry, what the registers say of it, and a link to its own page,
       which lists its mentions (one page per entry keeps the register's page small however
       many documents the edition has). -->
  <xsl:template name="register">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="register" as="map(xs:string, xs:string)" select="$te:registers-of($kind)"/>
    <xsl:variable name="entries" as="element()*" select="te:register-entries($kind)"/>
    <xsl:call-template name="te:page">
      <xsl:with-param name="title" select="$register?title"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{$register?title}</h1>
        <xsl:variable name="noun" as="xs:string"
          select="if ($kind = 'org') then 'organisation' else $kind"/>
        <p>Every {$noun} the documents name, with the
          forms of the name they use; each entry’s own page lists its every mention, and each
          link there opens the paragraph.</p>
        <xsl:choose>
          <xsl:when test="empty($entries)">
            <p class="empty">No {$noun} is named in the edition’s documents.</p>
          </xsl:when>
          <xsl:otherwise>
            <nav class="index" aria-label="Entries">
              <ul>
                <xsl:for-each select="$entries">
                  <li><a href="#{@xml:id}">{te:entity-label(@xml:id)}</a></li>
                </xsl:for-each>
              </ul>
            </nav>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:apply-templates select="$entries" mode="register">
          <xsl:with-param name="register" select="$register" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Each entry's own page, as the pairs (id, serialised page), for the $count entries from
       position $first in the register's order: a run makes several entries' pages (not one run
       an entry), and no run holds every page of a large edition at once (an entry's page lists
       its every mention: megabytes in a large edition). The page path ($page-path) is the
       register's folder. -->
  <xsl:template name="register-entries" as="xs:string*">
    <xsl:param name="kind" as="xs:string" required="yes"/>
    <xsl:param name="first" as="xs:integer" required="yes"/>
    <xsl:param name="count" as="xs:integer" required="yes"/>
    <!-- the register's entries, when the caller has them from te:register-entries already -->
    <xsl:param name="entries" as="element()*" select="te:register-entries($kind)"/>
    <xsl:variable name="register" as="map(xs:string, xs:string)" select="$te:registers-of($kind)"/>
    <xsl:for-each select="subsequence($entries, $first, $count)">
      <xsl:variable name="page" as="document-node()">
        <xsl:document>
          <xsl:call-template name="te:page">
            <xsl:with-param name="title" select="te:entity-label(@xml:id) || ' · ' || $register?title"/>
            <xsl:with-param name="path" select="te:entry-path($register, @xml:id)"/>
            <xsl:with-param name="content" as="node()*">
              <xsl:apply-templates select="." mode="entry-page">
                <xsl:with-param name="register" select="$register"/>
              </xsl:apply-templates>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:document>
      </xsl:variable>
      <xsl:sequence select="string(@xml:id), serialize($page, $te:html-output)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- As xsl:output gives the pages made as the principal result. -->
  <xsl:variable name="te:html-output" as="map(xs:string, item()*)" select="map{
      'method': 'html', 'html-version': 5.0, 'encoding': 'UTF-8', 'indent': false(),
      'include-content-type': false(), 'escape-uri-attributes': false()}"/>

  <xsl:mode name="register" on-no-match="shallow-skip"/>
  <xsl:mode name="entry-page" on-no-match="shallow-skip"/>
  <xsl:mode name="entry-facts" on-no-match="shallow-skip"/>

  <xsl:template match="person | place | org" mode="register">
    <xsl:param name="register" as="map(xs:string, xs:string)" tunnel="yes"/>
    <xsl:variable name="id" as="xs:string" select="@xml:id"/>
    <xsl:variable name="mentioning" as="document-node()*" select="te:mentioning($id)"/>
    <section id="{$id}" class="entry" aria-labelledby="{$id}-name">
      <h2 id="{$id}-name">{te:entity-label($id)}</h2>
      <!-- ids of entries merged into this one still land here -->
      <xsl:for-each select="$registers//*[@sameAs = '#' || $id]/@xml:id">
        <span id="{.}" class="merged-id" title="formerly cited as {.}"/>
      </xsl:for-each>
      <xsl:apply-templates select="." mode="entry-facts"/>
      <p class="entry-link">
        <a href="{te:href(te:entry-path($register, $id))}">{
          if (exists($mentioning)) then 'Every mention, in ' || count($mentioning)
            || (if (count($mentioning) = 1) then ' document' else ' documents')
          else 'The entry’s page'}</a>
      </p>
    </section>
  </xsl:template>

  <xsl:template match="person | place | org" mode="entry-page">
    <xsl:param name="register" as="map(xs:string, xs:string)"/>
    <xsl:variable name="id" as="xs:string" select="@xml:id"/>
    <xsl:variable name="mentioning" as="document-node()*" select="te:mentioning($id)"/>
    <article class="entry-page">
      <h1>{te:entity-label($id)}</h1>
      <p class="register-link">In the register of <a href="{te:href($register?page)}#{$id}">{
        lower-case($register?title)}</a>.</p>
      <xsl:apply-templates select="." mode="entry-facts"/>
      <xsl:choose>
        <xsl:when test="exists($mentioning)">
          <h2>Mentions</h2>
          <ul class="mentions">
            <xsl:for-each select="$mentioning">
              <li>
                <a href="{te:href(te:document-path(.))}">{te:title(.)}</a>
                ({te:date-label(te:creation(.))}):
                <xsl:for-each-group select="key('mentions', $id, .)" group-by="te:mention-unit(.)">
                  <xsl:variable name="unit" as="xs:string" select="current-grouping-key()"/>
                  <xsl:if test="position() > 1">, </xsl:if>
                  <!-- a unit with an id is linked to; an opener's or a closer's line has none -->
                  <a href="{te:href(te:document-path(.))}{
                    if (matches($unit, '-[a-z]+\d+$')) then '#' || $unit else ''}">{
                    te:mention-unit-label($unit)}</a>
                  <span class="forms"> ({string-join(distinct-values(current-group() ! te:plain(.)), ', ')})</span>
                </xsl:for-each-group>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise>
          <p class="no-mentions">Not mentioned in the texts (named in the documents’ provenance).</p>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <!-- What the registers say of an entry: other forms of its name, whether an editor has
       reviewed it, offices, nationality, notes, authority records. -->
  <xsl:template match="person | place | org" mode="entry-facts">
    <xsl:variable name="forms" as="xs:string*" select="distinct-values(
        (persName | placeName | orgName)[not(@type = 'main')] ! normalize-space(string-join(.//text(), '')))"/>
    <xsl:if test="exists($forms)">
      <p class="variants">Also written: {string-join($forms, '; ')}</p>
    </xsl:if>
    <xsl:if test="note[@type = 'status'][@subtype = 'unreviewed']">
      <p class="status">Found automatically in the texts; not yet reviewed by an editor.</p>
    </xsl:if>
    <dl>
      <xsl:for-each select="occupation | state">
        <dt>Office</dt>
        <dd>{normalize-space(.)}{
          if (@from or @to) then ' (' || string-join((@from, @to), '–') || ')' else ''}</dd>
      </xsl:for-each>
      <xsl:for-each select="nationality">
        <dt>Nationality</dt>
        <dd>{normalize-space(.)}</dd>
      </xsl:for-each>
      <xsl:for-each select="note[not(@type)]">
        <dt>Note</dt>
        <dd>{normalize-space(.)}</dd>
      </xsl:for-each>
      <xsl:for-each select="idno[normalize-space()]">
        <dt>{upper-case(substring(@type, 1, 1)) || substring(@type, 2)}</dt>
        <dd><a href="{te:authority-url(.)}">{normalize-space(.)}</a></dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <xsl:function name="te:authority-url" as="xs:string">
    <xsl:param name="idno" as="element(idno)"/>
    <xsl:variable name="prefix" as="xs:string?" select="map{
        'wikidata': 'https://www.wikidata.org/wiki/', 'viaf': 'https://viaf.org/viaf/',
        'geonames': 'https://www.geonames.org/'}(string($idno/@type))"/>
    <xsl:sequence select="$prefix || normalize-space($idno)"/>
  </xsl:function>
</xsl:stylesheet>
