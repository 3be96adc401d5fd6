namespace Tss.Cli;

internal static class Help
{
    public static int Print()
    {
        Console.WriteLine("""
            usage: ./tss <command> [options]

              test                                  build, check formatting and run every test
              up [--port 7071]                      the service locally with the SEFAZ simulator and a demo tenant
              up --sefaz real --pfx F --password P --cnpj C --uf UF
                                                    the same against the real SEFAZ homologação with a real A1
              sign --pfx F --password P IN.xml      sign an NFe / evento / inutNFe (signed XML on stdout)
              validate IN.xml                       schema, access-key and signature report (exit 1 on failure)
              dev-cert --cnpj N --out F.pfx --password P [--name N] [--expired|--not-yet-valid]
                                                    issue an ICP-Brasil-shaped A1 certificate from the local test CA
              sefaz status --uf SP --env 2 [--pfx F --password P] [--model 55]
                                                    NFeStatusServico4 against the configured endpoint
              simulator [--port 8443] [--admin-port 8080] [--tmed 1] [--scale 1]
                                                    start the SEFAZ simulator and print its URLs
              bench sign|schema|danfe [--seconds 5] signing / schema-validation / DANFE throughput on this machine
              bench --sync [--docs 200] [--concurrency 4]
                                                    NFC-e answered within the request: HTTP p50/p99, the
                                                    simulator's own answer time and the overhead (JSON last line)
              chaos --docs N --kills K [--seed S] [--entities 3] [--azurite-restarts R]
                                                    N NF-e while the host is SIGKILLed K times and restarted; JSON verdict
                                                    (exit 0 only when all authorized, none lost, no blind resend/double
                                                    debit/duplicate delivery)
              drill contingency [--docs 300] [--batch 5] [--pace-ms 250] [--scale 15]
                                                    SP outage on the separate-process stack: NF-e streamed, SP down
                                                    and back; JSON verdict (exit 0 only when all authorized once, none lost)
              danfe IN.xml -o OUT.pdf [--paper 58] [--cancelled]
                                                    DANFE (NF-e) or DANFE NFC-e of any procNFe; --sample [--items N]
                                                    [--landscape] [--nfce] renders a demo document instead
              admin tenant create --name N [--id ID]
                                                    create a tenant (prints its id)
              admin entity add --tenant T --cnpj C --uf SP --env 2 --pfx F --password P [--ie IE]
                    [--webhook URL --webhook-secret S] [--email E] [--csc-id ID --csc CSC]
                                                    add or update an entity with its A1 certificate
              admin apikey create --tenant T [--name N]
                                                    create an API key (printed once; only its hash is stored)
              admin apikey revoke --key K|KEYID     revoke a key; admin apikey list --tenant T lists them
              admin credits topup --tenant T --credits N --reference R [--by NAME]
                                                    add credits (once per reference; wakes documents awaiting credits)
              admin credits show --tenant T [--last 20]
                                                    balance (contracted, used, balance) and the latest ledger lines
              admin credits notify --tenant T --threshold N --email E | --off
                                                    low-balance e-mail when the balance falls below N
              admin mde-share list --cnpj C [--env 2]
                                                    tenants holding a CNPJ for MD-e, their access to its history, decisions
              admin mde-share grant|deny --cnpj C --tenant T [--env 2] [--by NAME]
                                                    give (and copy) or refuse the MD-e history to a later tenant
              admin operator create --email E --password P
                                                    create a portal operator (lists tenants, tops up credits)

            configuration: local.settings.json (see local.settings.sample.json), then environment variables
            (e.g. Sefaz__BaseUrlOverride, Sefaz__TrustAnchorPath, Certificates__TrustAnchors__Paths__0); local dev state in
            $TSS_HOME or ./.tss
            """);
        return 0;
    }
}
