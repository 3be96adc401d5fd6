namespace Tss.Protocol;

/// <summary>The error-code catalogue of Tss.Protocol: every stable code this project raises, one group per area. A code
/// string is declared once in the whole product (ErrorCodeCatalogueTests).</summary>
public static class ProtocolErrorCodes
{
    /// <summary>Stable, machine-readable codes for XML input that is refused before any processing.</summary>
    public static class Xml
    {
        /// <summary>The input is not well-formed XML.</summary>
        public const string Malformed = "xml.malformed";
        /// <summary>The input carries a DTD (DOCTYPE), which we never process (XXE, billion laughs).</summary>
        public const string DtdProhibited = "xml.dtd_prohibited";
        /// <summary>The input is larger than the limit for this entry point.</summary>
        public const string TooLarge = "xml.too_large";
        /// <summary>The input is not UTF-8 (or declares another encoding).</summary>
        public const string Encoding = "xml.encoding";
        /// <summary>The input is empty.</summary>
        public const string Empty = "xml.empty";
        /// <summary>The root element is not the one this entry point accepts.</summary>
        public const string UnexpectedRoot = "xml.unexpected_root";
        /// <summary>Elements nest deeper than <see cref="Tss.Protocol.Xml.SafeXml.MaxDepth"/> levels (an NF-e needs fewer than 20).</summary>
        public const string TooDeep = "xml.too_deep";
        /// <summary>A comment inside a document to be signed (<see cref="Tss.Protocol.Xml.XmlCommentPolicy.Refuse"/>).</summary>
        public const string CommentProhibited = "xml.comment_prohibited";
        /// <summary>A processing instruction inside a document to be signed (<see cref="Tss.Protocol.Xml.XmlCommentPolicy.Refuse"/>).</summary>
        public const string ProcessingInstructionProhibited = "xml.processing_instruction_prohibited";
    }

    /// <summary>
    /// Stable, machine-readable codes for builder input that cannot become a valid SEFAZ message. Carried by
    /// <see cref="Tss.Protocol.Messages.MessageInputException.Code"/>; the HTTP host maps them to its 4xx problem codes.
    /// </summary>
    public static class Message
    {
        /// <summary>tpAmb is neither 1 (produção) nor 2 (homologação).</summary>
        public const string TpAmb = "message.tp_amb";
        /// <summary>cOrgao / cUF is not an IBGE UF code (or 91, the Ambiente Nacional, where allowed).</summary>
        public const string Orgao = "message.c_orgao";
        /// <summary>The author / emitter is neither a valid 14-digit CNPJ nor an 11-digit CPF.</summary>
        public const string Author = "message.author";
        /// <summary>chNFe is not a valid access key (length, characters, check digit).</summary>
        public const string ChNFe = "message.ch_nfe";
        /// <summary>The event instant cannot be written as TDateTimeUTC (whole-hour offset from −11 to +12).</summary>
        public const string DhEvento = "message.dh_evento";
        /// <summary>nSeqEvento is outside 1–20.</summary>
        public const string NSeqEvento = "message.n_seq_evento";
        /// <summary>nProt is not a 15- or 17-digit protocol number.</summary>
        public const string NProt = "message.n_prot";
        /// <summary>xJust is not 15–255 characters of schema text (no leading/trailing blanks, no control characters).</summary>
        public const string XJust = "message.x_just";
        /// <summary>xCorrecao is not 15–1000 characters of schema text.</summary>
        public const string XCorrecao = "message.x_correcao";
        /// <summary>idLote is outside 0–999999999999999 (1–15 digits).</summary>
        public const string IdLote = "message.id_lote";
        /// <summary>An event lot must hold 1–20 events.</summary>
        public const string EventCount = "message.event_count";
        /// <summary>An item given as a signed event is not an evento element.</summary>
        public const string Evento = "message.evento";
        /// <summary>The two-digit year of an inutilização is outside 00–99.</summary>
        public const string Ano = "message.ano";
        /// <summary>mod is neither 55 (NF-e) nor 65 (NFC-e).</summary>
        public const string Mod = "message.mod";
        /// <summary>serie is outside 0–999.</summary>
        public const string Serie = "message.serie";
        /// <summary>The number range is not 1 ≤ nNFIni ≤ nNFFin ≤ 999999999.</summary>
        public const string NumberRange = "message.n_nf_range";
        /// <summary>The UF of a cadastro query is not a UF abbreviation.</summary>
        public const string Uf = "message.uf";
        /// <summary>A cadastro query needs exactly one of CNPJ, CPF or IE, well-formed.</summary>
        public const string CadastroParty = "message.cons_cad_party";
        /// <summary>The signed document or the SEFAZ answer given to a proc builder is not the expected element.</summary>
        public const string ProcPart = "message.proc_part";
        /// <summary>The NF-e given to the EPEC builder lacks a field the EPEC (110140) carries, or is not tpEmis 4.</summary>
        public const string EpecSource = "message.epec_source";
    }
}
