namespace Tss.Tenancy.Credits;

/// <summary>
/// Told after every top-up, also when a repeated reference changed nothing (so retrying a top-up whose process died
/// after the commit still runs it). Used to wake documents awaiting credits.
/// </summary>
public interface ICreditTopUpObserver
{
    Task OnToppedUpAsync(CreditBalance balance, CancellationToken ct);
}
