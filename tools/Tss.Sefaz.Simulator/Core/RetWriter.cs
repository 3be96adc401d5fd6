using System.Globalization;
using System.Text;
using System.Xml;
using Tss.Protocol.Messages;

namespace Tss.Sefaz.Simulator.Core;

/// <summary>Writes one unformatted ret element (default NF-e namespace, versao attribute, no declaration).</summary>
public sealed class RetWriter : IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        OmitXmlDeclaration = true,
        Indent = false,
        ConformanceLevel = ConformanceLevel.Document,
        Encoding = new UTF8Encoding(false),
    };

    private readonly StringBuilder _text = new();
    private readonly XmlWriter _writer;

    /// <summary>Starts <paramref name="root"/> with xmlns and versao.</summary>
    public RetWriter(string root, string versao = "4.00")
    {
        _writer = XmlWriter.Create(_text, Settings);
        _writer.WriteStartElement(root, NfeNamespaces.Nfe);
        // Declared explicitly so it comes before versao, as SEFAZ writes it.
        _writer.WriteAttributeString("xmlns", NfeNamespaces.Nfe);
        _writer.WriteAttributeString("versao", versao);
    }

    /// <summary>The underlying writer, for nested structures.</summary>
    public XmlWriter Xml => _writer;

    /// <summary>Writes a text element in the NF-e namespace.</summary>
    public RetWriter Element(string name, string value)
    {
        _writer.WriteElementString(name, NfeNamespaces.Nfe, value);
        return this;
    }

    /// <summary>Writes an integer element.</summary>
    public RetWriter Element(string name, int value) => Element(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes a TDateTimeUTC element.</summary>
    public RetWriter Element(string name, DateTimeOffset value) => Element(name, SefazTime.Format(value));

    /// <summary>Opens a child element.</summary>
    public RetWriter Start(string name)
    {
        _writer.WriteStartElement(name, NfeNamespaces.Nfe);
        return this;
    }

    /// <summary>Closes the innermost open element.</summary>
    public RetWriter End()
    {
        _writer.WriteEndElement();
        return this;
    }

    /// <summary>Copies an already built element (e.g. a stored protNFe) as is.</summary>
    public RetWriter Raw(string xml)
    {
        _writer.WriteRaw(xml);
        return this;
    }

    /// <summary>Closes everything and returns the text.</summary>
    public string Finish()
    {
        _writer.WriteEndDocument();
        _writer.Flush();
        return _text.ToString();
    }

    public void Dispose() => _writer.Dispose();
}
