namespace Tss.Sefaz.Client;

/// <summary>A resolved service address: URL, SOAP action and the authorizer that answers (e.g. "SP", "SVRS", "SVAN", "AN").</summary>
public sealed record SefazEndpoint(SefazService Service, Uri Url, string SoapAction, string Authorizer);
