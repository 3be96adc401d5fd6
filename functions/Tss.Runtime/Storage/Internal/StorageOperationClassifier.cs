using Azure.Core;

namespace Tss.Runtime.Storage.Internal;

/// <summary>
/// Names the REST operation of a storage request from its method, path shape and <c>comp</c> parameter, using the
/// operation names of the Azure Storage REST reference. Unknown shapes fall back to "METHOD comp".
/// </summary>
internal static class StorageOperationClassifier
{
    public static string Classify(StorageService service, string basePath, Request request)
    {
        var path = request.Uri.Path;
        if (basePath.Length > 1 && path.StartsWith(basePath, StringComparison.Ordinal))
        {
            path = path[basePath.TrimEnd('/').Length..];
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = ParseQuery(request.Uri.Query);
        query.TryGetValue("comp", out var comp);
        var method = request.Method.Method.ToUpperInvariant();

        var name = service switch
        {
            StorageService.Queue => ClassifyQueue(method, segments, comp, query),
            StorageService.Table => ClassifyTable(method, segments, request),
            StorageService.Blob => ClassifyBlob(method, segments, comp, query, request),
            _ => null,
        };
        return name ?? (comp is null ? method : $"{method} {comp}");
    }

    private static string? ClassifyQueue(string method, string[] segments, string? comp, Dictionary<string, string> query) =>
        (segments.Length, method, comp) switch
        {
            (0, "GET", "list") => "ListQueues",
            (0, _, "properties") => method == "GET" ? "GetQueueServiceProperties" : "SetQueueServiceProperties",
            (1, "PUT", null) => "CreateQueue",
            (1, "DELETE", _) => "DeleteQueue",
            (1, "PUT", "metadata") => "SetQueueMetadata",
            (1, "GET" or "HEAD", "metadata") => "GetQueueMetadata",
            (1, _, "acl") => method == "GET" ? "GetQueueACL" : "SetQueueACL",
            (2, "POST", _) => "PutMessage",
            (2, "GET", _) => query.TryGetValue("peekonly", out var peek) && peek == "true" ? "PeekMessages" : "GetMessages",
            (2, "DELETE", _) => "ClearMessages",
            (3, "DELETE", _) => "DeleteMessage",
            (3, "PUT", _) => "UpdateMessage",
            _ => null,
        };

    private static string? ClassifyTable(string method, string[] segments, Request request)
    {
        if (segments.Length != 1)
        {
            return null;
        }
        var segment = Uri.UnescapeDataString(segments[0]);
        var conditional = request.Headers.TryGetValue("If-Match", out _);
        if (segment == "$batch")
        {
            return "EntityGroupTransaction";
        }
        if (segment.StartsWith("Tables", StringComparison.Ordinal))
        {
            return method switch
            {
                "POST" => "CreateTable",
                "DELETE" => "DeleteTable",
                "GET" => "QueryTables",
                _ => null,
            };
        }
        var addressesEntity = segment.Contains("PartitionKey=", StringComparison.Ordinal);
        return (method, addressesEntity) switch
        {
            ("POST", false) => "InsertEntity",
            ("GET", false) => "QueryEntities",
            ("GET", true) => "QueryEntity",
            ("PUT", true) => conditional ? "UpdateEntity" : "InsertOrReplaceEntity",
            ("PATCH" or "MERGE", true) => conditional ? "MergeEntity" : "InsertOrMergeEntity",
            ("DELETE", true) => "DeleteEntity",
            _ => null,
        };
    }

    private static string? ClassifyBlob(string method, string[] segments, string? comp, Dictionary<string, string> query, Request request)
    {
        var isContainer = query.TryGetValue("restype", out var restype) && restype == "container";
        if (segments.Length == 0)
        {
            return comp == "list" ? "ListContainers" : null;
        }
        if (segments.Length == 1 && isContainer)
        {
            return (method, comp) switch
            {
                ("PUT", null) => "CreateContainer",
                ("DELETE", null) => "DeleteContainer",
                ("GET" or "HEAD", null) => "GetContainerProperties",
                ("GET", "list") => "ListBlobs",
                (_, "lease") => "LeaseContainer",
                _ => null,
            };
        }
        if (comp == "lease")
        {
            return request.Headers.TryGetValue("x-ms-lease-action", out var action) && action.Length > 0
                ? "LeaseBlob:" + action
                : "LeaseBlob";
        }
        return (method, comp) switch
        {
            ("PUT", null) => request.Headers.TryGetValue("x-ms-copy-source", out _) ? "CopyBlob" : "PutBlob",
            ("GET", null) => "GetBlob",
            ("HEAD", null) => "GetBlobProperties",
            ("DELETE", null) => "DeleteBlob",
            ("PUT", "block") => "PutBlock",
            ("PUT", "blocklist") => "PutBlockList",
            ("GET", "blocklist") => "GetBlockList",
            ("PUT", "metadata") => "SetBlobMetadata",
            ("PUT", "properties") => "SetBlobProperties",
            _ => null,
        };
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = eq < 0 ? pair : pair[..eq];
            result[Uri.UnescapeDataString(key)] = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return result;
    }
}
