using Microsoft.DurableTask.Converters;
using Tss.Orchestrations.Lots;
using Tss.Pipeline.Lots;
using Tss.Protocol.AccessKeys;
using static Tss.Orchestrations.Tests.Lots.ScriptedSefaz;

namespace Tss.Orchestrations.Tests.Lots;

/// <summary>
/// Lot inputs and outputs go through Durable Task's JSON converter into the orchestration history: the access keys in
/// them must keep the shape they had as strings, so histories written before <see cref="AccessKey"/> was used replay.
/// </summary>
public sealed class LotPayloadJsonTests
{
    private static readonly AccessKey Key1 = AccessKey.Parse(K1);
    private static readonly AccessKey Key2 = AccessKey.Parse(K2);

    [Fact]
    public void A_lot_step_input_round_trips_through_the_durable_converter_with_its_keys_as_strings()
    {
        var state = LotState.New("lot|42", 42, [Key1, Key2], sync: false) with { OpenKeys = [Key2], Requeued = [Key1] };
        var json = JsonDataConverter.Default.Serialize(new LotStepInput("t1|11222333000181|2612", "lot|42", state))!;

        Assert.Contains($"\"Keys\":[\"{K1}\",\"{K2}\"]", json, StringComparison.Ordinal);
        var read = JsonDataConverter.Default.Deserialize<LotStepInput>(json)!;
        Assert.Equal([Key1, Key2], read.State!.Keys);
        Assert.Equal([Key2], read.State.OpenKeys);
        Assert.Equal([Key1], read.State.Requeued);
    }

    [Fact]
    public void A_lot_step_recorded_in_a_history_before_keys_were_typed_still_deserializes()
    {
        // The shape an activity output had when LotState's keys were IReadOnlyList<string> (as the converter wrote it).
        var before = $$"""
            {"State":{"LotId":"lot|42","idLote":42,"Phase":3,"Sync":false,"Keys":["{{K1}}","{{K2}}"],"OpenKeys":["{{K2}}"],
            "Requeued":[],"SendAttempts":1,"nRec":"351000000000001","SentAt":"2026-12-02T12:00:00+00:00","PollCount":0,
            "NotFoundRounds":0,"LastStatus":"103","NotBefore":null},"Next":2,"Delay":"00:00:01"}
            """;

        var step = JsonDataConverter.Default.Deserialize<LotStep>(before)!;

        Assert.Equal([Key1, Key2], step.State.Keys);
        Assert.Equal([Key2], step.State.OpenKeys);
        Assert.Equal("351000000000001", step.State.nRec);
    }

    [Fact]
    public void A_carried_lot_input_written_before_keys_were_typed_still_deserializes()
    {
        var before = $$"""
            {"Partition":"t1|11222333000181|2612","LotId":"lot|42","Carried":{"State":{"LotId":"lot|42","idLote":42,"Phase":4,
            "Sync":true,"Keys":["{{K1}}"],"OpenKeys":["{{K1}}"],"Requeued":[],"SendAttempts":1,"PollCount":3,"NotFoundRounds":1},
            "Next":3,"Delay":"00:00:15"},"StepsPerRun":100}
            """;

        var input = JsonDataConverter.Default.Deserialize<LotInput>(before)!;

        Assert.Equal([Key1], input.Carried!.State.Keys);
        Assert.Equal(1, input.Carried.State.NotFoundRounds);
    }
}
