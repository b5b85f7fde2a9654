<?xml version="1.0" encoding="UTF-8"?>
<!-- Escaping for Typst, in one place. Text becomes a Typst string literal in markup,
     #"…"; : inside it only the backslash and the double quote are special, and the semicolon
     ends the embedded expression, so nothing after it can continue it. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:te="urn:teiedition:functions"
    exclude-result-prefixes="#all">

  <!-- A Typst string literal holding `text` exactly (white space runs folded to one space).
       Every piece of text of a volume comes through here, so it avoids regular expressions,
       which cost a volume more than the rest of its transform: white space is folded by
       normalize-space (keeping one space at either end), and only text holding a backslash
       or a double quote is searched for them. -->
  <xsl:function name="te:typst-string" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="space" as="xs:string+" select="(' ', '&#9;', '&#10;', '&#13;')"/>
    <xsl:variable name="inner" as="xs:string" select="normalize-space($text)"/>
    <xsl:variable name="folded" as="xs:string" select="
        if ($inner = '') then (if ($text = '') then '' else ' ')
        else (if (substring($text, 1, 1) = $space) then ' ' else '') || $inner
             || (if (substring($text, string-length($text)) = $space) then ' ' else '')"/>
    <xsl:sequence select="'&quot;' || (if (contains($folded, '\') or contains($folded, '&quot;'))
        then replace(replace($folded, '\', '\\', 'q'), '&quot;', '\&quot;', 'q')
        else $folded) || '&quot;'"/>
  </xsl:function>

  <!-- A Typst array of string literals from a "; "-separated list: ("a", "b",) or (). -->
  <xsl:function name="te:typst-array" as="xs:string">
    <xsl:param name="list" as="xs:string"/>
    <xsl:sequence select="'(' || string-join(tokenize($list, ';\s*')[normalize-space()]
                                     ! (te:typst-string(.) || ','), ' ') || ')'"/>
  </xsl:function>

  <!-- Text in markup: the string literal, displayed, and ended. -->
  <xsl:function name="te:typst" as="xs:string" visibility="public">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="if ($text = '') then '' else '#' || te:typst-string($text) || ';'"/>
  </xsl:function>
</xsl:stylesheet>
