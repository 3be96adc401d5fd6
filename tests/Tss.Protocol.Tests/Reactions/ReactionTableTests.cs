using Tss.Protocol.Reactions;
using Tss.Protocol.Reference;

namespace Tss.Protocol.Tests.Reactions;

public sealed class ReactionTableTests
{
    /// <summary>The services the product calls and reacts to (ConsultaCadastro is passed through as answered).</summary>
    public static TheoryData<SefazService> ReactedServices =>
    [
        SefazService.Autorizacao, SefazService.RetAutorizacao, SefazService.ConsultaProtocolo, SefazService.RecepcaoEvento,
        SefazService.Inutilizacao, SefazService.DistribuicaoDFe, SefazService.StatusServico, SefazService.Epec,
    ];

    [Theory]
    [MemberData(nameof(ReactedServices))]
    public void Every_catalogued_code_a_service_can_return_is_classified_by_that_services_tables(SefazService service)
    {
        var tables = CStatTables.For(service).ToList();
        Assert.NotEmpty(tables);
        var unclassified = CStatCatalog.Codes
            .Where(code => CStatCatalog.Services(code).Contains(service))
            .Where(code => tables.All(t => t.Classify(code) is null))
            .Order()
            .ToList();

        Assert.True(unclassified.Count == 0, $"{service} can return cStat {string.Join(", ", unclassified)}, which none of its tables classifies.");
    }

    [Fact]
    public void Every_catalogued_code_names_the_services_that_can_return_it()
    {
        Assert.All(CStatCatalog.Codes, code => Assert.NotEmpty(CStatCatalog.Services(code)));
    }

    [Fact]
    public void Every_code_a_table_lists_is_catalogued_for_a_service_of_that_table()
    {
        Assert.All(CStatTables.All, table => Assert.All(table.Codes.Keys, code =>
            Assert.True(CStatCatalog.Services(code).Intersect(table.Services).Any(),
                $"{table.Answer} lists cStat {code}, which the catalogue does not give to {string.Join("/", table.Services)}.")));
    }

    [Fact]
    public void Range_rules_cover_only_rejections()
    {
        Assert.All(CStatTables.All, table => Assert.All(table.Ranges, range => Assert.InRange(range.From, 201, range.To)));
    }

    [Fact]
    public void A_code_listed_one_by_one_overrides_its_range()
    {
        Assert.Equal(CStatReaction.BlockOneHour, CStatTables.Autorizacao.React(656));
        Assert.Equal(CStatReaction.RejectLot, CStatTables.Autorizacao.React(215));
        Assert.Equal(CStatReaction.ReconcileByKey, CStatTables.Protocol.React(204));
        Assert.Equal(CStatReaction.RejectDocument, CStatTables.Protocol.React(598));
    }

    [Fact]
    public void A_code_newer_than_the_catalogue_gets_the_tables_fallback()
    {
        Assert.Null(CStatTables.Protocol.Classify(4321));
        Assert.Equal(CStatReaction.RejectDocument, CStatTables.Protocol.React(4321));
        Assert.Equal(CStatReaction.RetryWithBackoff, CStatTables.RetAutorizacao.React(4321));
    }

    [Theory]
    [InlineData(100, CStatReaction.Authorize)]
    [InlineData(150, CStatReaction.Authorize)]
    [InlineData(110, CStatReaction.Deny)]
    [InlineData(302, CStatReaction.Deny)]
    [InlineData(539, CStatReaction.ReconcileByKey)]
    public void Document_protocols_authorize_deny_or_reconcile_as_the_fact_sheet_says(int cStat, CStatReaction expected)
    {
        Assert.Equal(expected, CStatTables.Protocol.React(cStat));
    }

    [Theory]
    [InlineData(135, CStatReaction.Register)]
    [InlineData(136, CStatReaction.Register)]
    [InlineData(155, CStatReaction.Register)]
    [InlineData(573, CStatReaction.AlreadyRegistered)]
    [InlineData(580, CStatReaction.RejectDocument)]
    public void Event_results_register_or_reconcile_a_duplicate(int cStat, CStatReaction expected)
    {
        Assert.Equal(expected, CStatTables.Evento.React(cStat));
    }

    [Theory]
    [InlineData(136, CStatReaction.Register)]
    [InlineData(573, CStatReaction.AlreadyRegistered)]
    [InlineData(661, CStatReaction.ReconcileByKey)]
    [InlineData(484, CStatReaction.RejectDocument)]
    [InlineData(485, CStatReaction.RejectDocument)]
    [InlineData(142, CStatReaction.RejectDocument)]
    public void Epec_results_register_reconcile_or_reject_the_document(int cStat, CStatReaction expected)
    {
        Assert.Equal(expected, CStatTables.Epec.React(cStat));
    }

    [Theory]
    [InlineData(467)]
    [InlineData(468)]
    [InlineData(691)]
    [InlineData(692)]
    public void The_authorizers_epec_rejections_reject_the_document(int cStat)
    {
        Assert.Equal(CStatReaction.RejectDocument, CStatTables.Protocol.React(cStat));
    }
}
