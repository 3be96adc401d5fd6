namespace Tss.Pipeline.Tests.Integration;

/// <summary>One key of the simulator's authorization base (GET /admin/authorizations), as these tests read it.</summary>
public sealed record SimulatorAuthorization(string chNFe, int TimesAuthorized);
