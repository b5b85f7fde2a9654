<?xml version="1.0" encoding="UTF-8"?>
<!-- The layer every output imports (html/, print/): parameters and shared functions. -->
<xsl:stylesheet version="3.0" expand-text="yes"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    exclude-result-prefixes="#all">
  <xsl:include href="params.xsl"/>
  <xsl:include href="functions.xsl"/>
</xsl:stylesheet>
