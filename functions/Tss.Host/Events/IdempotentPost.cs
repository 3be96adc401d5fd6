using System.Text;
using Tss.Contracts.Refusals;
using Tss.Host.Idempotency;
using Tss.Host.Problems;
using Tss.Host.Submission;
using Tss.Pipeline.Events;

namespace Tss.Host.Events;

/// <summary>Idempotency-Key for the event and inutilização POSTs, on the same store and with the same answers as submission.</summary>
public static class IdempotentPost
{
    /// <summary>Runs <paramref name="run"/> once per key and request; a repeat gets the first answer (header Idempotent-Replayed).</summary>
    public static async Task<IResult> RunAsync(HttpContext context, IdempotencyStore store, string tenantId, string? key, byte[][] request,
        Func<Task<StoredResponse>> run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        if (key is null)
        {
            return Content(await run().ConfigureAwait(false));
        }
        if (!IdempotencyStore.IsValidKey(key))
        {
            throw new RequestRefusedException(400, ApiErrorCodes.IdempotencyKeyInvalid, "Idempotency-Key deve ter de 1 a 200 caracteres ASCII visíveis.");
        }
        var hash = IdempotencyStore.RequestHash([Encoding.UTF8.GetBytes(context.Request.Path.Value ?? ""), .. request]);
        IdempotencyOutcome.Proceed claim;
        switch (await store.BeginAsync(tenantId, key, hash, ct).ConfigureAwait(false))
        {
            case IdempotencyOutcome.Replay replay:
                context.Response.Headers[SubmissionApi.ReplayedHeader] = "true";
                return Content(replay.Response);
            case IdempotencyOutcome.Mismatch:
                throw new RequestRefusedException(422, ApiErrorCodes.IdempotencyKeyReused,
                    "Esta Idempotency-Key já foi usada com outra requisição; use uma chave nova para um conteúdo diferente.");
            case IdempotencyOutcome.Proceed proceed:
                claim = proceed;
                break;
            default:
                context.Response.Headers.RetryAfter = "2";
                throw new RequestRefusedException(409, ApiErrorCodes.IdempotencyInProgress,
                    "Uma requisição com esta Idempotency-Key ainda está em processamento; tente novamente em instantes.");
        }
        StoredResponse answer;
        try
        {
            answer = await run().ConfigureAwait(false);
        }
        catch
        {
            await store.AbandonAsync(claim, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        await store.CompleteAsync(claim, hash, answer, CancellationToken.None).ConfigureAwait(false);
        return Content(answer);
    }

    private static IResult Content(StoredResponse r) => TypedResults.Content(r.Body, r.ContentType, Encoding.UTF8, r.StatusCode);
}
