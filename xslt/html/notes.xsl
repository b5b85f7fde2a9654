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
        <dt><span class="editorial-note">[remark]</span></dt>
        <dd>the translator’s remark</dd>
        <dt><span class="unclear">word[?]</span></dt>
        <dd>a reading the translator queried</dd>
        <dt>M<span class="ex">[inistry]</span></dt>
        <dd>an abbreviation the translator expanded</dd>
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
