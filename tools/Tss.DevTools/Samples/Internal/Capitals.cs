namespace Tss.DevTools.Samples.Internal;

/// <summary>IBGE municipality code and name of each UF's capital: addresses for sample documents.</summary>
internal static class Capitals
{
    private static readonly Dictionary<string, (string cMun, string xMun, string CEP)> ByUf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["RO"] = ("1100205", "Porto Velho", "76801000"),
        ["AC"] = ("1200401", "Rio Branco", "69900000"),
        ["AM"] = ("1302603", "Manaus", "69005000"),
        ["RR"] = ("1400100", "Boa Vista", "69301000"),
        ["PA"] = ("1501402", "Belem", "66010000"),
        ["AP"] = ("1600303", "Macapa", "68900000"),
        ["TO"] = ("1721000", "Palmas", "77001000"),
        ["MA"] = ("2111300", "Sao Luis", "65010000"),
        ["PI"] = ("2211001", "Teresina", "64000000"),
        ["CE"] = ("2304400", "Fortaleza", "60010000"),
        ["RN"] = ("2408102", "Natal", "59010000"),
        ["PB"] = ("2507507", "Joao Pessoa", "58010000"),
        ["PE"] = ("2611606", "Recife", "50010000"),
        ["AL"] = ("2704302", "Maceio", "57020000"),
        ["SE"] = ("2800308", "Aracaju", "49010000"),
        ["BA"] = ("2927408", "Salvador", "40010000"),
        ["MG"] = ("3106200", "Belo Horizonte", "30110000"),
        ["ES"] = ("3205309", "Vitoria", "29010000"),
        ["RJ"] = ("3304557", "Rio de Janeiro", "20010000"),
        ["SP"] = ("3550308", "Sao Paulo", "01001000"),
        ["PR"] = ("4106902", "Curitiba", "80010000"),
        ["SC"] = ("4205407", "Florianopolis", "88010000"),
        ["RS"] = ("4314902", "Porto Alegre", "90010000"),
        ["MS"] = ("5002704", "Campo Grande", "79002000"),
        ["MT"] = ("5103403", "Cuiaba", "78005000"),
        ["GO"] = ("5208707", "Goiania", "74003000"),
        ["DF"] = ("5300108", "Brasilia", "70040000"),
    };

    public static (string cMun, string xMun, string CEP) Of(string uf) =>
        ByUf.TryGetValue(uf, out var capital) ? capital : throw new ArgumentException($"Unknown UF '{uf}'.", nameof(uf));
}
