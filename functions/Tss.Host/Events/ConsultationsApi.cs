using Microsoft.AspNetCore.Http.HttpResults;
using Tss.Host.Auth;
using Tss.Host.Hosting;
using Tss.Pipeline.Consultations;
using Tss.Protocol.Messages;

namespace Tss.Host.Events;

/// <summary>Synchronous SEFAZ consultations: protocol of a key, service status (shared 3-minute cache), taxpayer registry.</summary>
public static class ConsultationsApi
{
    internal static RouteGroupBuilder MapConsultationsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/nfe/{chNFe}/sefaz", ConsultAsync).ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status504GatewayTimeout)
            .WithName("ConsultNfeProtocol").WithSummary("Consulta a situação da NF-e na SEFAZ (NFeConsultaProtocolo4), com os eventos registrados.");
        group.MapGet("/sefaz/status", StatusAsync).ProducesProblem(StatusCodes.Status502BadGateway).ProducesProblem(StatusCodes.Status504GatewayTimeout)
            .WithName("SefazStatus").WithSummary("Status do serviço do autorizador da empresa (NFeStatusServico4) para mod 55 (padrão) ou 65; a SEFAZ é consultada no máximo uma vez a cada 3 minutos.");
        group.MapGet("/cadastro", CadastroAsync).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status502BadGateway)
            .WithName("ConsultCadastro").WithSummary("Consulta o cadastro de contribuintes (CadConsultaCadastro4) por exatamente um de cnpj, cpf ou ie; uf padrão: a da empresa.");
        return group;
    }

    private static async Task<Ok<ProtocolConsultation>> ConsultAsync(HttpContext context, string cnpj, string chNFe, EntityScope scope, ConsultationService service, CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        return TypedResults.Ok(await service.ConsultProtocolAsync(entity, chNFe, ct));
    }

    private static async Task<Ok<ServiceStatus>> StatusAsync(HttpContext context, string cnpj, EntityScope scope, ConsultationService service, CancellationToken ct, int mod = 55)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        return TypedResults.Ok(await service.StatusAsync(entity, mod, ct));
    }

    private static async Task<Ok<RetConsCad>> CadastroAsync(HttpContext context, string cnpj, string? uf, string? ie, string? cpf,
        [Microsoft.AspNetCore.Mvc.FromQuery(Name = "cnpj")] string? cnpjConsultado, EntityScope scope, ConsultationService service, CancellationToken ct)
    {
        var entity = await scope.RequireAsync(context.User.GetTenantId(), cnpj, ct);
        return TypedResults.Ok(await service.CadastroAsync(entity, uf, cnpjConsultado, cpf, ie, ct));
    }
}
