using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Xml;

namespace Tss.Sefaz.Client.Internal;

/// <summary>
/// Traces and metrics of SEFAZ calls (ActivitySource and Meter "Tss.Sefaz"): one client span per call with the
/// authorizer (UF, SVRS, SVAN, AN…), service, tpAmb and cStat of the answer; a latency histogram and a count of
/// answers by authorizer, service and cStat.
/// </summary>
internal static class SefazTelemetry
{
    public const string Name = "Tss.Sefaz";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "tss.sefaz.duration", "s", "Duration of SEFAZ calls, from request to parsed answer or failure.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60] });

    private static readonly Counter<long> Answers = Meter.CreateCounter<long>(
        "tss.sefaz.answers", "{answer}", "SEFAZ answers by authorizer, service and cStat.");

    public const string Authorizer = "sefaz.authorizer";
    public const string Service = "sefaz.service";
    public const string TpAmb = "sefaz.tpAmb";
    public const string CStat = "sefaz.cStat";
    public const string Error = "sefaz.error";

    public static Activity? StartCall(SefazEndpoint endpoint)
    {
        var span = Source.StartActivity(endpoint.Service.ToString(), ActivityKind.Client);
        return span?.SetTag(Authorizer, endpoint.Authorizer).SetTag(Service, endpoint.Service.ToString()).SetTag("server.address", endpoint.Url.Host);
    }

    public static void Answered(Activity? span, SefazReply reply, TimeSpan elapsed)
    {
        var cStat = Child(reply.Answer, "cStat");
        var tpAmb = Child(reply.Answer, "tpAmb");
        span?.SetTag(CStat, cStat).SetTag(TpAmb, tpAmb).SetTag("sefaz.xMotivo", Child(reply.Answer, "xMotivo"));
        var tags = new TagList { { Authorizer, reply.Endpoint.Authorizer }, { Service, reply.Endpoint.Service.ToString() } };
        Duration.Record(elapsed.TotalSeconds, tags);
        tags.Add(CStat, cStat ?? "none");
        Answers.Add(1, tags);
    }

    public static void Failed(SefazEndpoint endpoint, SefazException error, TimeSpan elapsed)
    {
        if (Activity.Current is { } span && span.Source == Source)
        {
            span.SetTag(Error, error.Code.ToString()).SetTag("sefaz.outcome_unknown", error.OutcomeUnknown).SetStatus(ActivityStatusCode.Error, error.Code.ToString());
        }
        Duration.Record(elapsed.TotalSeconds,
            new TagList { { Authorizer, endpoint.Authorizer }, { Service, endpoint.Service.ToString() }, { Error, error.Code.ToString() } });
    }

    private static string? Child(XmlElement answer, string localName)
    {
        foreach (XmlNode node in answer.ChildNodes)
        {
            if (node is XmlElement e && e.LocalName == localName)
            {
                return e.InnerText;
            }
        }
        return null;
    }
}
