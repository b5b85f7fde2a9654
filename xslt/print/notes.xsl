<?xml version="1.0" encoding="UTF-8"?>
<!-- The editorial conventions in print: brackets in the text, editorial remarks and
     corrections as footnotes, and the principles stated in the introduction. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:template match="supplied | ex" mode="print">
    <xsl:value-of select="te:typst('[')"/>
    <xsl:apply-templates mode="print"/>
    <xsl:value-of select="te:typst(']')"/>
  </xsl:template>

  <xsl:template match="gap" mode="print">
    <xsl:value-of select="te:typst('[…]')"/>
  </xsl:template>

  <xsl:template match="gap[desc]" mode="print">
    <xsl:value-of select="te:typst('[' || desc || ']')"/>
  </xsl:template>

  <xsl:template match="unclear[@reason = 'query']" mode="print">
    <xsl:apply-templates mode="print"/>
    <xsl:value-of select="te:typst('[?]')"/>
  </xsl:template>

  <!-- Where the text refers to one of the translator's notes: its number, raised. -->
  <xsl:template match="ref[@type = 'noteAnchor']" mode="print">
    <xsl:text>#super[{te:typst(te:note-mark(.))}]</xsl:text>
  </xsl:template>

  <!-- A note of the translator's stays where the text has it, at its end or where a page's
       foot put it, set smaller, with its printed number. -->
  <xsl:template match="note[@place = ('end', 'foot')]" mode="print">
    <xsl:text>#block(above: 0.8em)[#text(size: 0.9em)[#super[{te:typst(te:note-mark(@n))}] </xsl:text>
    <xsl:apply-templates mode="print"/>
    <xsl:text>]]

</xsl:text>
  </xsl:template>

  <!-- An editorial remark is a footnote on the page where it is referred to. -->
  <xsl:template match="note" mode="print">
    <xsl:text>#footnote[</xsl:text>
    <xsl:value-of select="te:typst(if (@type = 'editorial') then 'The translator’s remark: ' else '')"/>
    <xsl:apply-templates mode="print"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- A correction shows the corrected reading; the copied page's reading is in a footnote. -->
  <xsl:template match="choice[sic and corr]" mode="print">
    <xsl:apply-templates select="corr/node()" mode="print"/>
    <xsl:text>#footnote[{te:typst('The copied page reads “' || sic || '”.')}]</xsl:text>
  </xsl:template>

  <xsl:template name="te:principles">
    <xsl:for-each select="
        'Each document is given as the archive published it in English translation, with its source in the first footnote.',
        'Words in square brackets were supplied by the translator: missing words, a clarification, or another romanisation of a name. […] marks a passage the translation omits; word[?] a reading the translator queried; M[inistry] an abbreviation the translator expanded.',
        'The translator’s remarks in brackets are given as footnotes. The translator’s numbered notes follow the text they belong to, where the archive gives them; a raised number in the text refers to one. Damage done when the archive’s web page was copied has been repaired: where a character was misread (II for Il in Korean names), the text gives the correction and a footnote the copied page’s reading.',
        'Persons, places and organisations are indexed at the end of the volume, with the pages on which they are named.'">
      <xsl:text>{te:typst(.)}

</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
