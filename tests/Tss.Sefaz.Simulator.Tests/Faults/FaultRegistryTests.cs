using Tss.Sefaz.Simulator.Faults;

namespace Tss.Sefaz.Simulator.Tests.Faults;

public class FaultRegistryTests
{
    [Fact]
    public void Counted_fault_is_applied_count_times_then_cleared()
    {
        var faults = new FaultRegistry();
        faults.Add(new FaultSpec { Kind = FaultKind.HttpError, StatusCode = 503, Count = 2 });

        Assert.Single(faults.TakeRequestFaults("NFeAutorizacao4", "enviNFe", FaultPhase.Before));
        Assert.Single(faults.TakeRequestFaults("NFeStatusServico4", "consStatServ", FaultPhase.Before));
        Assert.Empty(faults.TakeRequestFaults("NFeAutorizacao4", "enviNFe", FaultPhase.Before));
        Assert.Empty(faults.List());
    }

    [Fact]
    public void Fault_scoped_to_a_service_spares_the_others_and_its_other_phase()
    {
        var faults = new FaultRegistry();
        faults.Add(new FaultSpec { Kind = FaultKind.Timeout, Service = "NFeRetAutorizacao4", Phase = FaultPhase.After });

        Assert.Empty(faults.TakeRequestFaults("NFeAutorizacao4", "enviNFe", FaultPhase.After));
        Assert.Empty(faults.TakeRequestFaults("NFeRetAutorizacao4", "consReciNFe", FaultPhase.Before));
        Assert.Single(faults.TakeRequestFaults("NFeRetAutorizacao4", "consReciNFe", FaultPhase.After));
        Assert.Single(faults.TakeRequestFaults("nferetautorizacao4", "consReciNFe", FaultPhase.After));
    }

    [Fact]
    public void Latencies_stack_ahead_of_one_answer_replacing_fault()
    {
        var faults = new FaultRegistry();
        faults.Add(new FaultSpec { Kind = FaultKind.HttpError });
        faults.Add(new FaultSpec { Kind = FaultKind.Latency, LatencyMs = 10 });
        faults.Add(new FaultSpec { Kind = FaultKind.Malformed });

        var taken = faults.TakeRequestFaults("NFeAutorizacao4", "enviNFe", FaultPhase.Before);
        Assert.Equal([FaultKind.Latency, FaultKind.HttpError], taken.Select(f => f.Kind));
    }

    [Fact]
    public void Paralysis_window_is_scoped_by_uf()
    {
        var faults = new FaultRegistry();
        faults.Add(new FaultSpec { Kind = FaultKind.Paralysis, cStat = 108, cUF = 43 });

        Assert.Null(faults.TakeParalysis("NFeStatusServico4", "consStatServ", 35));
        Assert.Equal(108, faults.TakeParalysis("NFeStatusServico4", "consStatServ", 43)!.cStat);
        Assert.NotNull(faults.TakeParalysis("NFeAutorizacao4", "enviNFe", 43));
    }
}
