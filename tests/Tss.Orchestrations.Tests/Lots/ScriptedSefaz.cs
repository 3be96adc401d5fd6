using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Tss.Orchestrations.Lots;
using Tss.Pipeline.Lots;
using Tss.Protocol.AccessKeys;
using Tss.Protocol.Messages;

namespace Tss.Orchestrations.Tests.Lots;

/// <summary>
/// Fake lot activities for orchestrator tests: each SEFAZ call answers the next scripted event, and the real pure
/// <see cref="LotWorkflow"/> decides what follows (as <see cref="LotSteps"/> does), with short waits.
/// </summary>
internal sealed class ScriptedSefaz
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    public const string K1 = "35261111222333000181550010000000011000000014";
    public const string K2 = "35261111222333000181550010000000021000000020";

    /// <summary>Policy waits in milliseconds so every path runs in well under a few seconds on real durable timers.</summary>
    public static readonly LotPolicy Policy = new()
    {
        MinFirstPoll = TimeSpan.FromMilliseconds(400),
        PollInterval = TimeSpan.FromMilliseconds(200),
        MaxPollInterval = TimeSpan.FromSeconds(2),
        TransportRetry = TimeSpan.FromMilliseconds(200),
        ParalysedRetry = TimeSpan.FromMilliseconds(500),
        ConsumptionBlock = TimeSpan.FromMilliseconds(900),
    };

    private readonly ConcurrentQueue<LotEvent> _sends = new();
    private readonly ConcurrentQueue<LotEvent> _polls = new();
    private readonly ConcurrentQueue<LotEvent> _consults = new();

    public ConcurrentQueue<(LotAction Action, DateTimeOffset At)> Calls { get; } = new();

    public ConcurrentQueue<DocumentOutcome> Outcomes { get; } = new();

    public ConcurrentQueue<LotState> Distributed { get; } = new();

    /// <summary>The marks the lot wrote about itself (faults, stuck, cleared), in order.</summary>
    public ConcurrentQueue<LotAttentionInput> Marks { get; } = new();

    /// <summary>The lot row: the state of the last step that returned, as <see cref="LotSteps"/> records it.</summary>
    private volatile LotState? _row;

    public ScriptedSefaz OnSend(params LotEvent[] answers) => Enqueue(_sends, answers);

    public ScriptedSefaz OnPoll(params LotEvent[] answers) => Enqueue(_polls, answers);

    public ScriptedSefaz OnConsult(params LotEvent[] answers) => Enqueue(_consults, answers);

    public int Count(LotAction action) => Calls.Count(c => c.Action == action);

    /// <summary>While set, every activity throws before it reaches SEFAZ (as when storage is down).</summary>
    public volatile bool StorageDown;

    /// <summary>Activity runs that threw because <see cref="StorageDown"/> was set.</summary>
    public int StorageFailures => _storageFailures;

    private int _storageFailures;

    /// <summary>While set, the activity of that step throws every time (a step that fails for good); other activities work.</summary>
    public LotAction? FailingStep
    {
        get => _failing < 0 ? null : (LotAction)_failing;
        set => _failing = value is { } a ? (int)a : -1;
    }

    private volatile int _failing = -1;

    /// <summary>Runs of <see cref="FailingStep"/> that threw.</summary>
    public int StepFailures => _stepFailures;

    private int _stepFailures;

    /// <summary>Time between the first call of <paramref name="first"/> after index and the next call.</summary>
    public TimeSpan Gap(int index) => Calls.ElementAt(index + 1).At - Calls.ElementAt(index).At;

    public void Register(DurableTaskRegistry r)
    {
        r.AddOrchestrator<LotOrchestrator>();
        r.AddActivityFunc<LotStepInput, LotStep>(nameof(SendLotActivity), (_, input) => Step(LotAction.Send, _sends, input));
        r.AddActivityFunc<LotStepInput, LotStep>(nameof(PollReceiptActivity), (_, input) => Step(LotAction.Poll, _polls, input));
        r.AddActivityFunc<LotStepInput, LotStep>(nameof(ConsultKeysActivity), (_, input) => Step(LotAction.Consult, _consults, input));
        r.AddActivityFunc<LotStepInput, int>(nameof(DistributeLotActivity), (_, input) =>
        {
            ThrowWhileStorageDown();
            Distributed.Enqueue(input.State!);
            return input.State!.Keys.Count - input.State.Requeued.Count;
        });
        r.AddActivityFunc<LotAttentionInput, bool>(nameof(MarkLotAttentionActivity), (_, input) =>
        {
            ThrowWhileStorageDown();
            Marks.Enqueue(input);
            return true;
        });
    }

    private LotStep Step(LotAction action, ConcurrentQueue<LotEvent> script, LotStepInput input)
    {
        ThrowWhileStorageDown();
        if (FailingStep == action)
        {
            Interlocked.Increment(ref _stepFailures);
            throw new InvalidOperationException($"{action} fails for good (scripted).");
        }
        if (action == LotAction.Send && input.State is null && _row is { SendAttempts: > 0 } row)
        {
            // Resumed from the lot row (LotSteps.SendAsync): no SEFAZ call; a send in flight is reconciled by key.
            return Recorded(row.Phase switch
            {
                LotPhase.AwaitingReceipt => new LotStep(row, LotAction.Poll, TimeSpan.Zero),
                LotPhase.Reconciling => new LotStep(row, LotAction.Consult, TimeSpan.Zero),
                LotPhase.Closed => new LotStep(row, LotAction.Close, TimeSpan.Zero),
                LotPhase.Sending => Step(LotWorkflow.Decide(row, new LotEvent.SendInterrupted(), T0, Policy)),
                _ => new LotStep(row, LotAction.Send, TimeSpan.Zero),
            });
        }
        Calls.Enqueue((action, DateTimeOffset.UtcNow));
        var state = input.State ?? LotState.New(input.LotId, 42, [AccessKey.Parse(K1), AccessKey.Parse(K2)], sync: false);
        if (action == LotAction.Send)
        {
            state = LotWorkflow.BeginSend(state, T0);
        }
        if (!script.TryDequeue(out var answer))
        {
            throw new InvalidOperationException($"No scripted answer left for {action}.");
        }
        return Recorded(Step(LotWorkflow.Decide(state, answer, T0, Policy)));
    }

    private LotStep Step(LotDecision decision)
    {
        foreach (var o in decision.Outcomes)
        {
            Outcomes.Enqueue(o);
        }
        return new LotStep(decision.State, decision.Next, decision.Wait);
    }

    private LotStep Recorded(LotStep step)
    {
        _row = step.State;
        return step;
    }

    private void ThrowWhileStorageDown()
    {
        if (StorageDown)
        {
            Interlocked.Increment(ref _storageFailures);
            throw new InvalidOperationException("Storage is down (scripted).");
        }
    }

    private ScriptedSefaz Enqueue(ConcurrentQueue<LotEvent> queue, LotEvent[] answers)
    {
        foreach (var a in answers)
        {
            queue.Enqueue(a);
        }
        return this;
    }

    public static ProtNFe Prot(string key, int cStat) =>
        new(2, "SIM", key, T0, cStat is 100 or 110 ? "135260000000001" : null, "digest=", cStat, $"motivo {cStat}", "<protNFe/>");

    public static LotEvent Accepted(int tMed = 1) =>
        new LotEvent.SendAnswered(new RetEnviNFe(2, "SIM", 103, "Lote recebido com sucesso", 35, T0, "351000000000001", tMed, null));

    public static LotEvent SendStatus(int cStat) =>
        new LotEvent.SendAnswered(new RetEnviNFe(2, "SIM", cStat, $"motivo {cStat}", 35, T0, null, null, null));

    public static LotEvent Receipt(int cStat, params ProtNFe[] prots) =>
        new LotEvent.ReceiptAnswered(new RetConsReciNFe(2, "SIM", "351000000000001", cStat, $"motivo {cStat}", 35, T0, prots));

    public static LotEvent Consulted(params (string Key, int cStat)[] answers) =>
        new LotEvent.ConsultAnswered(answers.ToDictionary(
            a => AccessKey.Parse(a.Key),
            a => new RetConsSitNFe(2, "SIM", a.cStat, $"motivo {a.cStat}", 35, T0, a.Key, a.cStat == 100 ? Prot(a.Key, 100) : null, [])));
}
