using Tss.Pipeline.Lots;
using Tss.Protocol.AccessKeys;

namespace Tss.Pipeline.Tests.Contingency;

/// <summary>A lot goes where its documents' tpEmis says: the UF's own authorizer, SVC-AN (6) or SVC-RS (7).</summary>
public class LotAuthorizerTests
{
    private static string Key(int tpEmis, int nNF) =>
        AccessKey.Build(new AccessKeyParts(35, 26, 12, "11222333000181", 55, 1, nNF, tpEmis, 12345670)).Value;

    [Theory]
    [InlineData(1, null)]
    [InlineData(6, "SVC-AN")]
    [InlineData(7, "SVC-RS")]
    public void A_lot_of_documents_with_one_tpemis_goes_to_its_authorizer(int tpEmis, string? svc)
    {
        var lot = new LotRecord { Keys = string.Join(',', Key(tpEmis, 10), Key(tpEmis, 11)) };

        Assert.Equal(svc, LotAuthorizer.Svc(lot));
        Assert.Equal(tpEmis, LotAuthorizer.TpEmis(Key(tpEmis, 12)));
    }
}
