<?xml version="1.0" encoding="UTF-8"?>
<!-- The text: divisions, opener and closer, paragraphs with their permalinks, lists, and the
     editorial conventions made visible. An element this stylesheet does not know falls
     through to its text, marked with its name, so nothing is dropped silently. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="text" on-no-match="text-only-copy"/>

  <xsl:template match="text | body | front | back | div | postscript" mode="text">
    <div class="tei-{local-name()}">
      <xsl:apply-templates mode="text"/>
    </div>
  </xsl:template>

  <xsl:template match="opener | closer" mode="text">
    <div class="{local-name()}">
      <xsl:if test="exists(te:part-anchor(.))">
        <xsl:attribute name="id" select="te:part-anchor(.)"/>
      </xsl:if>
      <xsl:for-each select="*">
        <p class="line {local-name()} {@type}">
          <xsl:apply-templates select="." mode="text"/>
        </p>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template match="byline | dateline | signed | salute | seg" mode="text">
    <xsl:apply-templates mode="text"/>
  </xsl:template>

  <!-- A heading a level below the section it is in when that section is a part of another
       ("II. Soviet-Korean relations" / "1. Political contacts"). -->
  <xsl:template match="head" mode="text">
    <xsl:variable name="depth" as="xs:integer" select="count(ancestor::div[@type = 'section'])"/>
    <xsl:element name="h{min((3 + max((0, $depth - 1)), 6))}">
      <xsl:attribute name="id" select="@xml:id"/>
      <xsl:attribute name="class" select="'heading'"/>
      <xsl:apply-templates mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="p" mode="text">
    <p class="para">
      <xsl:if test="@xml:id">
        <xsl:variable name="number" as="xs:string" select="te:paragraph-number(@xml:id)"/>
        <xsl:attribute name="id" select="@xml:id"/>
        <a class="permalink" href="#{@xml:id}" aria-label="Paragraph {$number}: link">¶ {$number}</a>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="parent::sp[p[1] is current()]/speaker" mode="text"/>
      <xsl:apply-templates mode="text"/>
    </p>
  </xsl:template>

  <!-- A turn of a conversation: its speaker opens its first paragraph, as in the transcript. -->
  <xsl:template match="sp" mode="text">
    <div class="sp">
      <xsl:apply-templates select="* except speaker" mode="text"/>
    </div>
  </xsl:template>

  <xsl:template match="speaker" mode="text">
    <span class="speaker">
      <xsl:apply-templates mode="text"/>
    </span>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- A list's own line over it ("Distribution:"): a line of the text, not a heading. -->
  <xsl:template match="list/head" mode="text">
    <p id="{@xml:id}" class="list-head">
      <xsl:apply-templates mode="text"/>
    </p>
  </xsl:template>

  <xsl:template match="list" mode="text">
    <xsl:apply-templates select="head" mode="text"/>
    <xsl:element name="{if (@type = ('bulleted', 'distribution', 'simple')) then 'ul' else 'ol'}">
      <xsl:attribute name="class" select="'tei-list', @type"/>
      <xsl:apply-templates select="item" mode="text"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="item" mode="text">
    <li>
      <xsl:if test="@xml:id">
        <xsl:attribute name="id" select="@xml:id"/>
      </xsl:if>
      <span class="label">{preceding-sibling::*[1][self::label]}</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="text"/>
    </li>
  </xsl:template>

  <xsl:template match="label[following-sibling::*[1][self::item]]" mode="text"/>

  <!-- A web address in the text: a link, where it is one on the web (http or https). -->
  <xsl:template match="ref[not(@type)][matches(@target, '^https?://')]" mode="text">
    <a href="{@target}" rel="nofollow noopener">
      <xsl:apply-templates mode="text"/>
    </a>
  </xsl:template>

  <!-- A table, as the copy set its columns apart with tabs; its heading, its caption. -->
  <xsl:template match="table" mode="text">
    <table class="tei-table" id="{@xml:id}">
      <xsl:for-each select="head">
        <caption id="{@xml:id}">
          <xsl:apply-templates mode="text"/>
        </caption>
      </xsl:for-each>
      <xsl:apply-templates select="row" mode="text"/>
    </table>
  </xsl:template>

  <xsl:template match="row" mode="text">
    <tr>
      <xsl:apply-templates select="cell" mode="text"/>
    </tr>
  </xsl:template>

  <xsl:template match="cell" mode="text">
    <td>
      <xsl:apply-templates mode="text"/>
    </td>
  </xsl:template>

  <!-- The row that names the columns: their headers. -->
  <xsl:template match="row[@role = 'label']/cell" mode="text">
    <th scope="col">
      <xsl:apply-templates mode="text"/>
    </th>
  </xsl:template>

  <!-- The translator's brackets: the bracket stays visible, its kind is named on hover. -->
  <xsl:template match="supplied" mode="text">
    <span class="supplied {@reason}" title="{te:supplied-reason(@reason)}">[<xsl:apply-templates mode="text"/>]</span>
  </xsl:template>

  <xsl:template match="gap" mode="text">
    <span class="gap" title="omitted in this translation">[…]</span>
  </xsl:template>

  <!-- What the original hides, or the translation leaves out: the translator's words for it
       ("two words illegible", "passage omitted"). -->
  <xsl:template match="gap[desc]" mode="text">
    <span class="{string-join(('gap', @reason[. = 'illegible']), ' ')}" title="{
      if (@reason = 'illegible') then 'illegible in the original'
      else 'omitted in this translation'}">[<xsl:value-of select="desc"/>]</span>
  </xsl:template>

  <xsl:template match="unclear" mode="text">
    <span class="unclear" title="the translator queried this reading"><xsl:apply-templates mode="text"/>{
      if (@reason = 'query') then '[?]' else ''}</span>
  </xsl:template>

  <xsl:template match="expan" mode="text">
    <span class="expan"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="ex" mode="text">
    <span class="ex" title="expanded by the translator">[<xsl:apply-templates mode="text"/>]</span>
  </xsl:template>

  <!-- A correction shows the corrected reading; the copied page's reading is one toggle away. -->
  <xsl:template match="choice[sic and corr]" mode="text">
    <span class="choice"><span class="corr" title="corrected; the copied page reads “{sic}”"><xsl:apply-templates select="corr/node()" mode="text"/></span><span
        class="sic"> (page: {sic})</span></span>
  </xsl:template>

  <xsl:template match="choice[abbr and expan]" mode="text">
    <abbr title="{te:plain(expan)}"><xsl:apply-templates select="abbr/node()" mode="text"/></abbr>
  </xsl:template>

  <xsl:template match="lb[@ed = 'scrape']" mode="text">
    <span class="repair" title="{if (@type = 'paragraph-break') then 'a sentence the copied page split across paragraphs, joined'
        else 'a line break of the copied page, joined'}" aria-hidden="true">⁞</span>
  </xsl:template>

  <xsl:template match="lb" mode="text">
    <br/>
  </xsl:template>

  <!-- The original's page begins: a marker between the blocks; its printed number (fw) is
       what the marker says. -->
  <xsl:template match="pb" mode="text">
    <p class="page-break" role="separator" aria-label="{te:page-label(.)}">{te:page-label(.)}</p>
  </xsl:template>

  <!-- … or inside a sentence that runs on across it: a marker within the paragraph. -->
  <xsl:template match="p//pb" mode="text">
    <span class="page-break-inline">[{te:page-label(.)}]</span>
  </xsl:template>

  <xsl:template match="fw" mode="text"/>

  <!-- "* * *" between two parts of the text: a separator, its mark as the document prints it. -->
  <xsl:template match="milestone[@unit = 'section']" mode="text">
    <p class="section-break" role="separator" aria-label="section break">{@rend}</p>
  </xsl:template>

  <xsl:template match="hi[@rend = 'superscript']" mode="text">
    <sup><xsl:apply-templates mode="text"/></sup>
  </xsl:template>

  <!-- Words in another script: their language, for the browser's fonts and a screen reader. -->
  <xsl:template match="foreign" mode="text">
    <span lang="{@xml:lang}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <!-- A newspaper's or journal's title, as a reader expects it set: in italics. -->
  <xsl:template match="title[@level = 'j']" mode="text">
    <cite class="periodical"><xsl:apply-templates mode="text"/></cite>
  </xsl:template>

  <xsl:template match="hi" mode="text">
    <span class="hi {@rend}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:template match="q" mode="text">
    <span class="q">{te:quote-marks(@rend)[1]}<xsl:apply-templates mode="text"/>{te:quote-marks(@rend)[2]}</span>
  </xsl:template>

  <xsl:template match="date[@when]" mode="text">
    <time datetime="{@when}" title="{te:date-label(.)}{@cert[. = 'medium'] ! ' (resolved against the document’s date)'}">
      <xsl:apply-templates mode="text"/>
    </time>
  </xsl:template>

  <xsl:template match="date[@notBefore or @notAfter]" mode="text">
    <span class="date-range" data-not-before="{@notBefore}" data-not-after="{@notAfter}"
          title="{te:date-label(.)}{@cert[. = 'medium'] ! ' (resolved against the document’s date)'}">
      <xsl:apply-templates mode="text"/>
    </span>
  </xsl:template>

  <xsl:template match="time[@when]" mode="text">
    <time datetime="{substring(@when, 1, 5)}"><xsl:apply-templates mode="text"/></time>
  </xsl:template>

  <!-- An id the edition once published for a unit that is gone: it still lands here. -->
  <xsl:template match="anchor[@type = 'retired']" mode="text" priority="1">
    <p class="retired" id="{@xml:id}">{te:unit-label(@xml:id)} ({@xml:id}), cited in an earlier
      version, is no longer in this document.<xsl:if test="@corresp"> Its nearest surviving
      text: <a href="{@corresp}">{te:unit-label(substring(@corresp, 2))}</a>.</xsl:if></p>
  </xsl:template>

  <xsl:template match="anchor[@xml:id]" mode="text">
    <span id="{@xml:id}"/>
  </xsl:template>

  <!-- What another project's TEI holds and this stylesheet does not know: its text, marked. -->
  <xsl:template match="*" mode="text" priority="-1">
    <span class="tei-{local-name()}"><xsl:apply-templates mode="text"/></span>
  </xsl:template>

  <xsl:function name="te:supplied-reason" as="xs:string">
    <xsl:param name="reason" as="attribute()?"/>
    <xsl:sequence select="(map{
        'clarification': 'the translator’s clarification',
        'alternative-name': 'another romanisation of the name, given by the translator'}
        (string($reason)), 'supplied by the translator')[1]"/>
  </xsl:function>
</xsl:stylesheet>
