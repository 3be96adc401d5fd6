using System.Reflection;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.Xml;
using SoapCore;
using SoapCore.Extensibility;
using Tss.Contracts.Refusals;
using Tss.Host.Problems;
using Tss.Pipeline.Events;

namespace Tss.Host.Soap;

/// <summary>
/// Every exception of a SOAP operation becomes a fault whose detail is a TssFault (Code, Message): refusals keep
/// their stable code and message (Client/Sender fault); anything else is a Server fault without internals.
/// </summary>
public sealed class SoapFaultTransformer : IFaultExceptionTransformer
{
    public const string InternalErrorCode = "internal.error";

    public Message ProvideFault(Exception exception, MessageVersion messageVersion, Message requestMessage, ConcurrentXmlNamespaceLookup xmlNamespaceManager)
    {
        var (code, message, client) = Classify(exception);
        return Message.CreateMessage(messageVersion, null, new FaultBodyWriter(messageVersion.Envelope == EnvelopeVersion.Soap12, client, code, message));
    }

    public static (string Code, string Message, bool Client) Classify(Exception exception)
    {
        var e = exception;
        while (e is TargetInvocationException or AggregateException && e.InnerException is not null)
        {
            e = e.InnerException!;
        }
        return e switch
        {
            RequestRefusedException r => (r.Code, r.Message, r.Status < 500),
            FaultException f => (ApiErrorCodes.MalformedSoap, f.Message, true),
            Tss.Tenancy.TenancyException t => (t.Code, "O certificado da empresa não está disponível no serviço; contate o suporte.", false),
            _ => (InternalErrorCode, "Erro interno ao processar a requisição; tente novamente.", false),
        };
    }

    /// <summary>Writes the Fault element (SOAP 1.1 or 1.2 shape) with the TssFault detail.</summary>
    private sealed class FaultBodyWriter(bool soap12, bool client, string code, string message) : BodyWriter(isBuffered: true)
    {
        protected override void OnWriteBodyContents(XmlDictionaryWriter writer)
        {
            var env = soap12 ? "http://www.w3.org/2003/05/soap-envelope" : "http://schemas.xmlsoap.org/soap/envelope/";
            writer.WriteStartElement("Fault", env);
            if (soap12)
            {
                writer.WriteStartElement("Code", env);
                writer.WriteStartElement("Value", env);
                writer.WriteQualifiedName(client ? "Sender" : "Receiver", env);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteStartElement("Reason", env);
                writer.WriteStartElement("Text", env);
                writer.WriteAttributeString("xml", "lang", null, "pt-BR");
                writer.WriteString(message);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteStartElement("Detail", env);
            }
            else
            {
                writer.WriteStartElement("faultcode", "");
                writer.WriteQualifiedName(client ? "Client" : "Server", env);
                writer.WriteEndElement();
                writer.WriteStartElement("faultstring", "");
                writer.WriteAttributeString("xml", "lang", null, "pt-BR");
                writer.WriteString(message);
                writer.WriteEndElement();
                writer.WriteStartElement("detail", "");
            }
            writer.WriteStartElement("TssFault", SoapNamespaces.Nfe);
            writer.WriteElementString("Code", SoapNamespaces.Nfe, code);
            writer.WriteElementString("Message", SoapNamespaces.Nfe, message);
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
