using System.Net;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Tss.Protocol.Xml;
using Tss.Sefaz.Client.Internal;

namespace Tss.Sefaz.Client;

public sealed partial class SefazClient
{
    /// <summary>
    /// Posts <paramref name="payload"/> (the content of nfeDadosMsg, e.g. from <c>NfeRequests</c>) to an endpoint and
    /// returns the answer element. For services without a typed method (events, inutilização, cadastro, DistDFe).
    /// </summary>
    /// <exception cref="SefazException">No usable SEFAZ answer: transport failure, HTTP error, SOAP fault, unreadable body.</exception>
    public async Task<SefazReply> SendAsync(SefazEndpoint endpoint, X509Certificate2 certificate, string payload, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(payload);
        var client = _handlers.For(certificate);
        var started = _time.GetTimestamp();
        using var span = SefazTelemetry.StartCall(endpoint);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.ReadTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(SoapEnvelope.Build(endpoint.Service, payload))),
            };
            var contentType = new MediaTypeHeaderValue("application/soap+xml") { CharSet = "utf-8" };
            contentType.Parameters.Add(new NameValueHeaderValue("action", "\"" + endpoint.SoapAction + "\""));
            request.Content.Headers.ContentType = contentType;

            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await CappedBody.ReadAsync(response.Content, _options.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var reply = Interpret(endpoint, status, body);
            SefazTelemetry.Answered(span, reply, _time.GetElapsedTime(started));
            Log.Answered(_logger, endpoint.Service, endpoint.Authorizer, status, (long)_time.GetElapsedTime(started).TotalMilliseconds);
            return reply;
        }
        catch (Exception e) when (e is not SefazException && !(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            throw Failed(endpoint, started, Classify(endpoint, e, timeout.IsCancellationRequested));
        }
        catch (SefazException e)
        {
            throw Failed(endpoint, started, e);
        }
    }

    private SefazException Failed(SefazEndpoint endpoint, long started, SefazException error)
    {
        SefazTelemetry.Failed(endpoint, error, _time.GetElapsedTime(started));
        Log.Failed(_logger, endpoint.Service, endpoint.Authorizer, error.Code, (long)_time.GetElapsedTime(started).TotalMilliseconds, error.OutcomeUnknown, error.Message);
        return error;
    }

    private SefazReply Interpret(SefazEndpoint endpoint, int status, byte[]? body)
    {
        var where = $"{endpoint.Authorizer} {endpoint.Service}";
        if (body is null)
        {
            throw new SefazException(SefazErrorCode.ResponseTooLarge, $"{where} answered more than {_options.MaxResponseBytes} bytes.")
            {
                HttpStatus = status,
                OutcomeUnknown = IsStateChanging(endpoint.Service),
            };
        }
        XmlDocument? document = null;
        XmlInputException? notXml = null;
        try
        {
            document = SafeXml.Load(body, _options.MaxResponseBytes);
        }
        catch (XmlInputException e)
        {
            notXml = e;
        }
        var soapBody = document is null ? null : SoapEnvelope.Body(document);
        if (soapBody is not null && SoapEnvelope.FaultReason(soapBody) is { } reason)
        {
            throw new SefazException(SefazErrorCode.SoapFault, $"{where} answered a SOAP fault: {reason}") { HttpStatus = status };
        }
        if (status != (int)HttpStatusCode.OK)
        {
            throw new SefazException(SefazErrorCode.HttpStatus, $"{where} answered HTTP {status}.")
            {
                HttpStatus = status,
                OutcomeUnknown = status >= 500,
            };
        }
        var answer = soapBody is null ? null : SoapEnvelope.Answer(soapBody);
        if (answer is null)
        {
            var what = document is null ? "is not XML" : soapBody is null ? "is not a SOAP envelope" : "carries no NF-e answer";
            throw new SefazException(SefazErrorCode.MalformedResponse, $"The answer of {where} {what}.", notXml)
            {
                HttpStatus = status,
                OutcomeUnknown = IsStateChanging(endpoint.Service),
            };
        }
        return new SefazReply(endpoint, answer, Encoding.UTF8.GetString(body));
    }

    private static SefazException Classify(SefazEndpoint endpoint, Exception e, bool readTimedOut)
    {
        var where = $"{endpoint.Authorizer} {endpoint.Service} ({endpoint.Url.Host})";
        // SocketsHttpHandler reports its connect timeout as a cancellation carrying a TimeoutException.
        if (e is OperationCanceledException && e.InnerException is TimeoutException && !readTimedOut)
        {
            return new SefazException(SefazErrorCode.ConnectFailed, $"Could not connect to {where} within the connect timeout.", e) { NotSent = true };
        }
        if (e is OperationCanceledException)
        {
            return new SefazException(SefazErrorCode.Timeout, $"No complete answer from {where} within the read timeout.", e) { OutcomeUnknown = true };
        }
        if (e is HttpRequestException http)
        {
            // SecureConnectionError is raised while the connection is being established, before the request is written;
            // an authentication failure found later in the chain may follow a written request, so it proves nothing.
            if (http.HttpRequestError == HttpRequestError.SecureConnectionError || FindInner<AuthenticationException>(e) is not null)
            {
                return new SefazException(SefazErrorCode.TlsFailure, $"TLS handshake with {where} failed: {Innermost(e).Message}", e)
                {
                    NotSent = http.HttpRequestError == HttpRequestError.SecureConnectionError,
                };
            }
            if (http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError)
            {
                return new SefazException(SefazErrorCode.ConnectFailed, $"Could not connect to {where}: {Innermost(e).Message}", e) { NotSent = true };
            }
        }
        // The request may have reached SEFAZ before the connection broke (response ended early, reset, bad framing).
        return new SefazException(SefazErrorCode.MalformedResponse, $"The answer of {where} could not be read: {Innermost(e).Message}", e)
        {
            OutcomeUnknown = true,
        };
    }

    private static T? FindInner<T>(Exception e)
        where T : Exception
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }
        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }
        return e;
    }
}
