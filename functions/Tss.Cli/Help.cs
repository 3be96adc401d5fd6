namespace Tss.Cli;

internal static class Help
{
    public static int Print()
    {
        Console.WriteLine("""
            usage: ./tss <command> [options]

              test                                  build, check formatting and run every test
              sign --pfx F --password P IN.xml      sign an NFe / evento / inutNFe (signed XML on stdout)
              validate IN.xml                       schema, access-key and signature report (exit 1 on failure)
              dev-cert --cnpj N --out F.pfx --password P [--name N] [--expired|--not-yet-valid]
                                                    issue an ICP-Brasil-shaped A1 certificate from the local test CA
              sefaz status --uf SP --env 2 [--pfx F --password P] [--model 55]
                                                    NFeStatusServico4 against the configured endpoint
              simulator [--port 8443] [--admin-port 8080] [--tmed 1] [--scale 1]
                                                    start the SEFAZ simulator and print its URLs
              bench sign|schema [--seconds 5]       signing / schema-validation throughput on this machine

            configuration: local.settings.json (see local.settings.sample.json), then environment variables
            (e.g. Sefaz__BaseUrlOverride, Sefaz__TrustAnchorPath); local dev state in $TSS_HOME or ./.tss
            """);
        return 0;
    }
}
