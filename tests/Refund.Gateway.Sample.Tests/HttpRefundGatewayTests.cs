using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Returns.Sdk;
using Returns.Sdk.Refunds;
using static Refund.Gateway.Sample.Tests.FakePlatform;

namespace Refund.Gateway.Sample.Tests;

public sealed class HttpRefundGatewayTests
{
    private const string Succeeded = """{ "id": "rf_9001", "status": "succeeded" }""";

    [Fact]
    public async Task RefundAsync_Always_PostsTheDocumentedRequest()
    {
        using var platform = new FakePlatform().Always(Json(201, Succeeded));

        await platform.Gateway.RefundAsync(Instruction(), Ct);

        var call = Assert.Single(platform.Calls);
        Assert.Equal("POST", call.RequestMessage!.Method);
        Assert.Equal(RefundsPath, call.RequestMessage.Path);
        Assert.Equal("Bearer " + ApiKey, call.Header("Authorization"));
        Assert.Equal("RMA-2026-000001-R1-A1", call.Header("Idempotency-Key"));
        Assert.StartsWith("application/json", call.Header("Content-Type"), StringComparison.Ordinal);

        using var body = JsonDocument.Parse(call.Body());
        var root = body.RootElement;
        Assert.Equal(
            ["refund_id", "order_number", "rma", "booked_to", "currency", "amount", "tenders", "handled_at_store_id"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("RMA-2026-000001-R1", root.GetProperty("refund_id").GetString());
        Assert.Equal("WEB-1001", root.GetProperty("order_number").GetString());
        Assert.Equal("RMA-2026-000001", root.GetProperty("rma").GetString());
        Assert.Equal("web", root.GetProperty("booked_to").GetString());
        Assert.Equal("AMS-01", root.GetProperty("handled_at_store_id").GetString());
        Assert.Equal("EUR", root.GetProperty("currency").GetString());
        Assert.Equal("26.15", root.GetProperty("amount").GetString());
        var tenders = root.GetProperty("tenders").EnumerateArray().ToList();
        Assert.Equal(["card", "gift_card", "store_credit"], tenders.Select(t => t.GetProperty("kind").GetString()));
        Assert.Equal(["21.00", "0.10", "5.05"], tenders.Select(t => t.GetProperty("amount").GetString()));
        Assert.Equal("psp_ch_3PqX", tenders[0].GetProperty("reference").GetString());
        Assert.False(tenders[2].TryGetProperty("reference", out _), "New store credit has no original tender to reference.");
    }

    [Fact]
    public async Task RefundAsync_ExchangeWithAmountDueInYen_WritesWholeYenAndTheAmountDue()
    {
        using var platform = new FakePlatform().Always(Json(200, Succeeded));
        var yen = Currency.FromCode("JPY");
        var instruction = new RefundInstruction("K-1", "R-1", "JP-1", "RMA-1", [new TenderRefund(TenderKind.Wallet, "pp_1", new Money(1500m, yen))])
        {
            BookedTo = SalesChannel.Marketplace,
            AmountDue = new Money(300m, yen),
        };

        await platform.Gateway.RefundAsync(instruction, Ct);

        using var body = JsonDocument.Parse(Assert.Single(platform.Calls).Body());
        Assert.Equal(("1500", "300", "marketplace", "wallet"), (
            body.RootElement.GetProperty("amount").GetString(),
            body.RootElement.GetProperty("amount_due").GetString(),
            body.RootElement.GetProperty("booked_to").GetString(),
            body.RootElement.GetProperty("tenders")[0].GetProperty("kind").GetString()));
        Assert.False(body.RootElement.TryGetProperty("handled_at_store_id", out _));
    }

    [Fact]
    public async Task RefundAsync_AmountFinerThanTheCurrency_ThrowsArgumentExceptionAndSendsNothing()
    {
        using var platform = new FakePlatform().Always(Json(201, Succeeded));
        var instruction = Instruction() with { Tenders = [new TenderRefund(TenderKind.Card, "psp_1", Eur(10.005m))] };

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => platform.Gateway.RefundAsync(instruction, Ct));

        Assert.Contains("tenders[0]", exception.Message, StringComparison.Ordinal);
        Assert.Empty(platform.Calls);
    }

    [Theory]
    [InlineData(201, """{ "id": "rf_9001", "status": "succeeded" }""", "rf_9001")]
    [InlineData(200, """{ "id": "rf_9002", "status": "pending" }""", "rf_9002")]
    [InlineData(200, """{ "status": "SUCCEEDED", "id": "rf_9003", "extra": 1 }""", "rf_9003")]
    public async Task RefundAsync_PlatformAccepts_ConfirmsWithThePlatformsId(int status, string body, string expectedReference)
    {
        using var platform = new FakePlatform().Always(Json(status, body));

        var confirmation = await platform.Gateway.RefundAsync(Instruction(), Ct);

        Assert.Equal(new RefundConfirmation(expectedReference), confirmation);
        Assert.Single(platform.Calls);
    }

    [Theory]
    [InlineData(400, """{ "type": "about:blank", "title": "Bad", "status": 400, "code": "invalid_tender" }""", "invalid_tender")]
    [InlineData(400, "", "invalid_request")]
    [InlineData(422, """{ "type": "https://platform.example/problems/amount_exceeds_capture", "title": "Too much", "status": 422 }""", "amount_exceeds_capture")]
    [InlineData(422, "<html>proxy</html>", "unprocessable_refund")]
    [InlineData(401, """{ "title": "Unauthorized", "status": 401 }""", "unauthorized")]
    [InlineData(403, "", "unauthorized")]
    [InlineData(404, """{ "title": "No such order", "status": 404 }""", "order_not_found")]
    [InlineData(410, "", "http_410")]
    [InlineData(302, "", "unexpected_redirect")]
    [InlineData(200, """{ "id": "rf_9004", "status": "failed" }""", "refund_failed")]
    public async Task RefundAsync_PlatformRefuses_ThrowsNonTransientWithCodeAndSendsOnce(int status, string body, string expectedCode)
    {
        var response = Problem(status, body);
        if (status == 302)
        {
            response = response.WithHeader("Location", "https://elsewhere.example/refunds");
        }

        using var platform = new FakePlatform().Always(response);

        var exception = await Assert.ThrowsAsync<RefundGatewayException>(() => platform.Gateway.RefundAsync(Instruction(), Ct));

        Assert.Equal((false, expectedCode), (exception.IsTransient, exception.ErrorCode));
        Assert.Contains("RMA-2026-000001-R1", exception.Message, StringComparison.Ordinal);
        Assert.Single(platform.Calls);
    }

    [Theory]
    [InlineData(408, "timeout")]
    [InlineData(429, "rate_limited")]
    [InlineData(500, "unavailable")]
    [InlineData(502, "unavailable")]
    [InlineData(503, "unavailable")]
    [InlineData(504, "unavailable")]
    public async Task RefundAsync_PlatformFailsEveryAttempt_ThrowsTransientAfterTheRetries(int status, string expectedCode)
    {
        using var platform = new FakePlatform(retries: 2).Always(Problem(status, """{ "title": "busy" }"""));

        var exception = await Assert.ThrowsAsync<RefundGatewayException>(() => platform.Gateway.RefundAsync(Instruction(), Ct));

        Assert.Equal((true, expectedCode), (exception.IsTransient, exception.ErrorCode));
        Assert.Equal(3, platform.Calls.Count);
        Assert.All(platform.Calls, c => Assert.Equal("RMA-2026-000001-R1-A1", c.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task RefundAsync_Conflict_StaysPendingBecauseTheFirstRequestMayHavePaid()
    {
        using var platform = new FakePlatform().Always(Problem(409, """{ "title": "In progress", "status": 409 }"""));

        var exception = await Assert.ThrowsAsync<RefundGatewayException>(() => platform.Gateway.RefundAsync(Instruction(), Ct));

        Assert.Equal((true, "idempotency_conflict"), (exception.IsTransient, exception.ErrorCode));
        Assert.Single(platform.Calls);
    }

    [Fact]
    public async Task RefundAsync_503ThenSuccess_RetriesWithTheSameIdempotencyKeyAndConfirms()
    {
        using var platform = new FakePlatform().FirstThen(Problem(503, ""), Json(201, Succeeded));

        var confirmation = await platform.Gateway.RefundAsync(Instruction("key-503"), Ct);

        Assert.Equal("rf_9001", confirmation.GatewayReference);
        var calls = platform.Calls;
        Assert.Equal([503, 201], calls.Select(c => c.Status()));
        Assert.Equal(["key-503", "key-503"], calls.Select(c => c.Header("Idempotency-Key")));
        Assert.Equal(calls[0].Body(), calls[1].Body());
    }

    [Fact]
    public async Task RefundAsync_429WithRetryAfter_WaitsTheAskedDelayThenConfirms()
    {
        using var platform = new FakePlatform().FirstThen(Problem(429, "").WithHeader("Retry-After", "1"), Json(200, Succeeded));

        var confirmation = await platform.Gateway.RefundAsync(Instruction(), Ct);

        Assert.Equal("rf_9001", confirmation.GatewayReference);
        Assert.Equal(2, platform.Calls.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], platform.RetryDelays);
    }

    [Fact]
    public async Task RefundAsync_RetryAfterLongerThanTheTimeout_ThrowsTransientAtOnce()
    {
        using var platform = new FakePlatform().Always(Problem(429, "").WithHeader("Retry-After", "3600"));

        var exception = await Assert.ThrowsAsync<RefundGatewayException>(() => platform.Gateway.RefundAsync(Instruction(), Ct));

        Assert.Equal((true, "rate_limited"), (exception.IsTransient, exception.ErrorCode));
        Assert.Single(platform.Calls);
        Assert.Empty(platform.RetryDelays);
    }

    [Fact]
    public async Task RefundAsync_PlatformSlowerThanTheTimeout_ThrowsTransientTimeout()
    {
        using var platform = new FakePlatform(o => o.Timeout = TimeSpan.FromMilliseconds(300))
            .Always(Json(201, Succeeded).WithDelay(TimeSpan.FromSeconds(1)));

        var exception = await Assert.ThrowsAsync<RefundGatewayException>(() => platform.Gateway.RefundAsync(Instruction(), Ct));

        Assert.Equal((true, "timeout"), (exception.IsTransient, exception.ErrorCode));
    }

    [Fact]
    public async Task RefundAsync_NothingListening_ThrowsTransientNetworkError()
    {
        using var platform = new FakePlatform(o => o.BaseAddress = new Uri($"http://127.0.0.1:{ClosedPort()}/"));

        var exception = await Assert.ThrowsAsync<RefundGatewayException>(() => platform.Gateway.RefundAsync(Instruction(), Ct));

        Assert.Equal((true, "network_error"), (exception.IsTransient, exception.ErrorCode));
        Assert.IsType<HttpRequestException>(exception.InnerException);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "status": "succeeded" }""")]
    [InlineData("""{ "id": "rf_1", "status": "queued" }""")]
    public async Task RefundAsync_SuccessWithoutAReadableConfirmation_ThrowsTransientSoTheSameKeyIsReused(string body)
    {
        using var platform = new FakePlatform().Always(Json(200, body));

        var exception = await Assert.ThrowsAsync<RefundGatewayException>(() => platform.Gateway.RefundAsync(Instruction(), Ct));

        Assert.Equal((true, "unreadable_confirmation"), (exception.IsTransient, exception.ErrorCode));
        Assert.Single(platform.Calls);
    }

    [Fact]
    public async Task RefundAsync_CallerCancels_ThrowsOperationCanceledNotAGatewayFailure()
    {
        using var platform = new FakePlatform().Always(Json(201, Succeeded).WithDelay(TimeSpan.FromSeconds(1)));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => platform.Gateway.RefundAsync(Instruction(), cancellation.Token));
    }

    [Fact]
    public async Task RefundAsync_ProblemEchoesCardDataAndNames_KeepsThemAndTheKeyOutOfMessageAndLog()
    {
        const string Problem422 = """
            {
              "type": "https://platform.example/problems/card_expired",
              "title": "Card 4111 1111 1111 1111 of Anna Jansen expired",
              "status": 422,
              "detail": "Card 4111111111111111 expired 01/26",
              "errors": { "tenders[0].reference": ["4111111111111111 is expired"], "Anna Jansen": ["x"] }
            }
            """;
        using var platform = new FakePlatform().Always(Problem(422, Problem422));

        var exception = await Assert.ThrowsAsync<RefundGatewayException>(() => platform.Gateway.RefundAsync(Instruction(), Ct));

        Assert.Equal((false, "card_expired"), (exception.IsTransient, exception.ErrorCode));
        Assert.Contains("tenders[0].reference", exception.Message, StringComparison.Ordinal);
        foreach (var text in new[] { exception.Message, platform.Logs.All })
        {
            Assert.DoesNotContain("4111", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Anna", text, StringComparison.Ordinal);
            Assert.DoesNotContain("expired 01/26", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ApiKey, text, StringComparison.Ordinal);
        }

        Assert.Contains(platform.Logs.Lines, l => l.Contains("[4103]", StringComparison.Ordinal) && l.Contains("card_expired", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefundAsync_RetriedCalls_NeverLogTheKeyOrHeaders()
    {
        using var platform = new FakePlatform().FirstThen(Problem(503, ""), Json(201, Succeeded));

        await platform.Gateway.RefundAsync(Instruction(), Ct);

        Assert.NotEmpty(platform.Logs.Lines);
        Assert.DoesNotContain(ApiKey, platform.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", platform.Logs.All, StringComparison.Ordinal);
        Assert.Contains(platform.Logs.Lines, l => l.Contains("[4102]", StringComparison.Ordinal) && l.Contains("succeeded", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
