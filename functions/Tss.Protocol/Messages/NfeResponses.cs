using System.Xml;

namespace Tss.Protocol.Messages;

/// <summary>
/// Parsers for SEFAZ answers (the element inside nfeResultMsg). Throw <see cref="Xml.XmlInputException"/> with code
/// <see cref="Xml.XmlErrorCodes.UnexpectedRoot"/> or <see cref="Xml.XmlErrorCodes.Malformed"/> when the element is not
/// the expected answer or misses a required field.
/// </summary>
public static class NfeResponses
{
    public static RetEnviNFe ParseRetEnviNFe(XmlElement root) => throw new NotImplementedException();
    public static RetConsReciNFe ParseRetConsReciNFe(XmlElement root) => throw new NotImplementedException();
    public static RetConsStatServ ParseRetConsStatServ(XmlElement root) => throw new NotImplementedException();
    public static RetConsSitNFe ParseRetConsSitNFe(XmlElement root) => throw new NotImplementedException();
    public static ProtNFe ParseProtNFe(XmlElement protNFe) => throw new NotImplementedException();
}
