<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes, and the key to the editorial conventions shown above every text. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <!-- An editorial remark of the translator's, printed in the run of the text. -->
  <xsl:template match="note[@type = 'editorial']" mode="text">
    <span class="editorial-note" title="the translator’s remark">[<xsl:apply-templates mode="text"/>]</span>
  </xsl:template>

  <!-- Where the text refers to one of the translator's notes: its number, a link to the note
       (the first reference to a note is where the note links back to). -->
  <xsl:template match="ref[@type = 'noteAnchor']" mode="text">
    <sup class="note-ref">
      <xsl:choose>
        <xsl:when test="starts-with(@target, '#')">
          <a href="{@target}" aria-label="note {te:note-mark(.)}">
            <xsl:if test="not(preceding::ref[@target = current()/@target])">
              <xsl:attribute name="id" select="substring(@target, 2) || '-ref'"/>
            </xsl:if>
            <xsl:value-of select="te:note-mark(.)"/>
          </a>
        </xsl:when>
        <xsl:otherwise>
          <span title="the copied page does not have this note"><xsl:value-of select="te:note-mark(.)"/></span>
        </xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <!-- A note of the translator's at the end of the text, or where a page's foot put it: its
       printed number (its permalink, when it has an id), the note, and a link back to where
       the text refers to it. -->
  <xsl:template match="note[@place = ('end', 'foot')]" mode="text">
    <p class="endnote">
      <xsl:choose>
        <xsl:when test="@xml:id">
          <xsl:attribute name="id" select="@xml:id"/>
          <a class="permalink note-number" href="#{@xml:id}" aria-label="Note {te:note-mark(@n)}: link">{te:note-mark(@n)}</a>
        </xsl:when>
        <xsl:otherwise>
          <span class="note-number">{te:note-mark(@n)}</span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="text"/>
      <xsl:if test="@xml:id and exists(root()//ref[@target = '#' || current()/@xml:id])">
        <xsl:text> </xsl:text>
        <a class="note-back" href="#{@xml:id}-ref" aria-label="back to the text">↩</a>
      </xsl:if>
    </p>
  </xsl:template>

  <!-- Any other note (from TEI of other projects): kept, in the run of the text, marked. -->
  <xsl:template match="note" mode="text">
    <span class="note">[Note: <xsl:apply-templates mode="text"/>]</span>
  </xsl:template>

  <xsl:template name="te:conventions">
    <details class="conventions">
      <summary>Editorial conventions</summary>
      <dl>
        <dt><span class="supplied">[word]</span></dt>
        <dd>words the translator supplied or explained; after a name, another romanisation of it</dd>
        <dt><span class="gap">[…]</span></dt>
        <dd>a passage the translation omits</dd>
        <dt><span class="gap illegible">[illegible]</span></dt>
        <dd>what the original hides, in the translator’s words</dd>
        <dt><span class="editorial-note">[remark]</span></dt>
        <dd>the translator’s remark</dd>
        <dt><span class="unclear">word[?]</span></dt>
        <dd>a reading the translator queried</dd>
        <dt>M<span class="ex">[inistry]</span></dt>
        <dd>an abbreviation the translator expanded</dd>
        <dt>word<sup class="note-ref">1</sup></dt>
        <dd>a reference to the translator’s note 1, given at the end of the text</dd>
        <dt><span class="corr">Il</span></dt>
        <dd>a correction of the copied page (hover, or show the page’s readings below)</dd>
        <dt><span class="repair">⁞</span></dt>
        <dd>where a line or paragraph break of the copied page was joined</dd>
        <dt><a class="person" href="#text-heading">Name</a></dt>
        <dd>a link to the name’s entry in the register; dotted: identified by inference</dd>
        <dt><time datetime="1962-08-14">date</time></dt>
        <dd>a date; its normalised value shows on hover</dd>
      </dl>
    </details>
    <p class="toggle">
      <input type="checkbox" id="show-sic"/>
      <label for="show-sic">Show the copied page’s readings beside corrections</label>
    </p>
  </xsl:template>
</xsl:stylesheet>
