using Tss.Host.Contingency;
using Tss.Host.Credits;
using Tss.Host.Documents;
using Tss.Host.Events;
using Tss.Host.Mde;
using Tss.Host.Submission;

namespace Tss.Host.Hosting;

/// <summary>
/// The REST API for ERPs as one unit: the local host maps it on its web application, the Azure Functions app
/// (Tss.Functions) maps it on the pipeline its HTTP triggers forward to, so both answer with the same handlers.
/// </summary>
public static class RestApi
{
    /// <summary>The path under which every REST route lives.</summary>
    public const string PathPrefix = "/api/v1";

    /// <summary>Maps every REST route (submission, documents, DANFE, credits, events, inutilização, consultations, MD-e, contingency).</summary>
    public static IEndpointRouteBuilder MapTssRestApi(this IEndpointRouteBuilder app)
    {
        app.MapSubmissionApi();
        app.MapDocumentsApi();
        app.MapLotRetryApi();
        app.MapDanfeApi();
        app.MapCreditsApi();
        app.MapEventsApi();
        app.MapMdeApi();
        app.MapContingencyApi();
        return app;
    }
}
