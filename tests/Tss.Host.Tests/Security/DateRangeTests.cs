using System.Net;

namespace Tss.Host.Tests.Security;

/// <summary>Attack: date filters at the ends of the calendar, which used to answer 500.</summary>
public sealed class DateRangeTests(HostFixture host)
{
    private const string Cnpj = "11222333000181";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59Z")]
    [InlineData("from=0001-01-01T00:00:00Z")]
    [InlineData("to=9999-12-31T23:59:59Z")]
    [InlineData("from=1600-12-31T00:00:00Z")]
    [InlineData("to=2100-01-01T00:00:00Z")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    public async Task Document_list_with_a_date_out_of_range_answers_400_with_a_code(string query)
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var response = await tenant.Http.GetAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe?{query}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("list.date_out_of_range", await ApiJson.CodeAsync(response));
    }

    [Fact]
    public async Task Document_list_with_dates_inside_the_range_still_answers()
    {
        var tenant = await host.NewTenantAsync(Cnpj);

        using var response = await tenant.Http.GetAsync(new Uri($"/api/v1/entities/{Cnpj}/nfe?from=2000-01-01T00:00:00Z&to=2099-12-31T23:59:59Z", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
