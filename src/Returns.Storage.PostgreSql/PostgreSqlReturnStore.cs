using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Returns.Sdk;
using Returns.Sdk.Lifecycle;
using Returns.Storage.PostgreSql.Internal;

namespace Returns.Storage.PostgreSql;

/// <summary>
/// An <see cref="IReturnStore"/> on PostgreSQL, for several application instances sharing one database. A change is
/// one transaction whose <c>UPDATE ... WHERE version = expected</c> waits for a concurrent writer of the same row and then
/// finds the version moved, so exactly one of many concurrent changes wins. Outbox messages are leased with
/// <c>FOR UPDATE SKIP LOCKED</c>, so dispatchers on every instance share the work without handing a message out twice.
/// </summary>
public sealed class PostgreSqlReturnStore : IReturnStore, IAsyncDisposable
{
    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly string _schema;
    private readonly string _where;
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Creates a store over a data source the application manages (and disposes).</summary>
    /// <param name="dataSource">The data source.</param>
    /// <param name="schema">The schema for the store's tables.</param>
    /// <exception cref="ArgumentException">The schema is not a plain lower-case identifier.</exception>
    public PostgreSqlReturnStore(NpgsqlDataSource dataSource, string schema = "returns")
        : this(dataSource, schema, ownsDataSource: false)
    {
    }

    /// <summary>Creates a store from options; the store owns its data source.</summary>
    /// <param name="options">The connection string and schema.</param>
    /// <exception cref="ArgumentException">No connection string, or an invalid schema.</exception>
    public PostgreSqlReturnStore(PostgreSqlReturnStoreOptions options)
        : this(CreateDataSource(options), options.Schema, ownsDataSource: true)
    {
    }

    /// <summary>Creates a store from registered options.</summary>
    /// <param name="options">The options.</param>
    public PostgreSqlReturnStore(IOptions<PostgreSqlReturnStoreOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    private PostgreSqlReturnStore(NpgsqlDataSource dataSource, string schema, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(schema);
        if (!PgSchema.Identifier().IsMatch(schema))
        {
            throw new ArgumentException($"Schema '{schema}' must be lower-case letters, digits and underscores, starting with a letter or underscore, at most 63 characters.", nameof(schema));
        }

        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _schema = schema;
        var builder = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        _where = $"{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>The schema the tables live in.</summary>
    public string Schema => _schema;

    /// <inheritdoc/>
    public Task<ReturnRequest> CommitAsync(ReturnChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Validate();
        return Write(async (c, t) =>
        {
            var next = change.Return;
            var rma = next.Rma.Value;
            var document = ReturnDocument.ToJson(next);
            if (change.ExpectedVersion == 0)
            {
                try
                {
                    await Exec(c, t, $"""
                        INSERT INTO {_schema}.returns (rma, customer_id, state, tracking_number, version, created_at_ticks, document)
                        VALUES (@rma, @customer, @state, @tracking, @version, @created, @document);
                        """, cancellationToken,
                        ("rma", rma), ("customer", next.CustomerId), ("state", next.State.ToString()), ("tracking", next.TrackingNumber),
                        ("version", next.Version), ("created", next.CreatedAt.UtcTicks), ("document", document)).ConfigureAwait(false);
                }
                catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
                {
                    throw new ReturnConcurrencyException(next.Rma, 0, null);
                }

                foreach (var order in next.OrderNumbers)
                {
                    await Exec(c, t, $"INSERT INTO {_schema}.return_orders (order_number, rma) VALUES (@order, @rma);", cancellationToken, ("order", order), ("rma", rma)).ConfigureAwait(false);
                }
            }
            else
            {
                var updated = await Exec(c, t, $"""
                    UPDATE {_schema}.returns SET state = @state, tracking_number = @tracking, version = @version, document = @document
                    WHERE rma = @rma AND version = @expected;
                    """, cancellationToken,
                    ("rma", rma), ("state", next.State.ToString()), ("tracking", next.TrackingNumber), ("version", next.Version),
                    ("document", document), ("expected", change.ExpectedVersion)).ConfigureAwait(false);
                if (updated == 0)
                {
                    using var probe = new NpgsqlCommand($"SELECT version FROM {_schema}.returns WHERE rma = @rma;", c, t);
                    probe.Parameters.AddWithValue("rma", rma);
                    throw await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version
                        ? new ReturnConcurrencyException(next.Rma, change.ExpectedVersion, version)
                        : new ReturnNotFoundException(next.Rma);
                }
            }

            var audit = change.Audit;
            await Exec(c, t, $"""
                INSERT INTO {_schema}.audit (rma, version, at, channel, actor_id, location_id, from_state, to_state, action, note)
                VALUES (@rma, @version, @at, @channel, @actor, @location, @from, @to, @action, @note);
                """, cancellationToken,
                ("rma", rma), ("version", audit.Version), ("at", audit.At.ToString("O", CultureInfo.InvariantCulture)), ("channel", audit.Actor.Channel.ToString()),
                ("actor", audit.Actor.ActorId), ("location", audit.Actor.LocationId), ("from", audit.From?.ToString()), ("to", audit.To.ToString()),
                ("action", audit.Action), ("note", audit.Note)).ConfigureAwait(false);

            foreach (var attachment in change.Attachments)
            {
                await Exec(c, t, $"""
                    INSERT INTO {_schema}.attachments (rma, name, media_type, content) VALUES (@rma, @name, @type, @content)
                    ON CONFLICT (rma, name) DO UPDATE SET media_type = excluded.media_type, content = excluded.content;
                    """, cancellationToken, ("rma", rma), ("name", attachment.Name), ("type", attachment.MediaType), ("content", attachment.Content.ToArray())).ConfigureAwait(false);
            }

            foreach (var e in change.Events)
            {
                await Exec(c, t, $"""
                    INSERT INTO {_schema}.outbox (event_id, type, rma, version, occurred_at, payload, state, attempts, next_attempt_ticks, lease_until_ticks, delivered_to, last_error)
                    VALUES (@id, @type, @rma, @version, @at, @payload, 0, 0, @due, 0, ARRAY[]::text[], NULL);
                    """, cancellationToken,
                    ("id", e.Id), ("type", e.Type), ("rma", rma), ("version", e.Version),
                    ("at", e.OccurredAt.ToString("O", CultureInfo.InvariantCulture)), ("payload", document), ("due", e.OccurredAt.UtcTicks)).ConfigureAwait(false);
            }

            if (change.IdempotencyKey is { } key)
            {
                await Exec(c, t, $"""
                    INSERT INTO {_schema}.idempotency (key, fingerprint, lease_until_ticks, result) VALUES (@key, '', @max, @result)
                    ON CONFLICT (key) DO UPDATE SET result = excluded.result, lease_until_ticks = excluded.lease_until_ticks;
                    """, cancellationToken, ("key", key.Value), ("max", DateTimeOffset.MaxValue.UtcTicks), ("result", document)).ConfigureAwait(false);
            }

            return next;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ReturnRequest?> FindAsync(RmaNumber rma, CancellationToken cancellationToken = default) =>
        FirstOrNull(await Documents($"SELECT document FROM {_schema}.returns WHERE rma = @p;", rma.Value, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> FindByOrderAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return Documents($"""
            SELECT r.document FROM {_schema}.return_orders o JOIN {_schema}.returns r ON r.rma = o.rma
            WHERE o.order_number = @p ORDER BY r.created_at_ticks, r.rma;
            """, orderNumber, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ReturnRequest?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        return FirstOrNull(await Documents($"SELECT document FROM {_schema}.returns WHERE tracking_number = @p ORDER BY created_at_ticks DESC, rma DESC LIMIT 1;", trackingNumber, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return Documents($"SELECT document FROM {_schema}.returns WHERE customer_id = @p ORDER BY created_at_ticks, rma;", customerId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> ListByStateAsync(ReturnState state, RmaNumber? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Run<IReadOnlyList<ReturnRequest>>(async c =>
        {
            // COLLATE "C" orders by bytes, as RMA numbers compare ordinally everywhere else.
            using var command = new NpgsqlCommand($"""
                SELECT document FROM {_schema}.returns WHERE state = @state AND rma COLLATE "C" > @after COLLATE "C"
                ORDER BY rma COLLATE "C" LIMIT @limit;
                """, c);
            command.Parameters.AddWithValue("state", state.ToString());
            command.Parameters.AddWithValue("after", after?.Value ?? string.Empty);
            command.Parameters.AddWithValue("limit", limit);
            return await ReadDocuments(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ReturnAttachment?> FindAttachmentAsync(RmaNumber rma, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Run(async c =>
        {
            using var command = new NpgsqlCommand($"SELECT media_type, content FROM {_schema}.attachments WHERE rma = @rma AND name = @name;", c);
            command.Parameters.AddWithValue("rma", rma.Value);
            command.Parameters.AddWithValue("name", name);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new ReturnAttachment(name, reader.GetString(0), reader.GetFieldValue<byte[]>(1))
                : null;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnAuditEntry>> GetHistoryAsync(RmaNumber rma, CancellationToken cancellationToken = default) =>
        Run<IReadOnlyList<ReturnAuditEntry>>(async c =>
        {
            using var command = new NpgsqlCommand($"SELECT version, at, channel, actor_id, location_id, from_state, to_state, action, note FROM {_schema}.audit WHERE rma = @rma ORDER BY version;", c);
            command.Parameters.AddWithValue("rma", rma.Value);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var entries = new List<ReturnAuditEntry>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var actor = new ReturnActor(Enum.Parse<ReturnChannel>(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3))
                {
                    LocationId = reader.IsDBNull(4) ? null : reader.GetString(4),
                };
                entries.Add(new ReturnAuditEntry(
                    reader.GetInt64(0),
                    DateTimeOffset.ParseExact(reader.GetString(1), "O", CultureInfo.InvariantCulture),
                    actor,
                    reader.IsDBNull(5) ? null : Enum.Parse<ReturnState>(reader.GetString(5)),
                    Enum.Parse<ReturnState>(reader.GetString(6)),
                    reader.GetString(7))
                {
                    Note = reader.IsDBNull(8) ? null : reader.GetString(8),
                });
            }

            return entries;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return Write(async (c, t) =>
        {
            var until = (now + lease).UtcTicks;
            var inserted = await Exec(c, t, $"""
                INSERT INTO {_schema}.idempotency (key, fingerprint, lease_until_ticks, result) VALUES (@key, @fingerprint, @until, NULL)
                ON CONFLICT (key) DO NOTHING;
                """, cancellationToken, ("key", key.Value), ("fingerprint", fingerprint), ("until", until)).ConfigureAwait(false);
            if (inserted == 1)
            {
                return new IdempotencyClaim(IdempotencyClaimStatus.Acquired);
            }

            string storedFingerprint;
            long leaseUntil;
            string? result;
            using (var command = new NpgsqlCommand($"SELECT fingerprint, lease_until_ticks, result FROM {_schema}.idempotency WHERE key = @key FOR UPDATE;", c, t))
            {
                command.Parameters.AddWithValue("key", key.Value);
                using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // Released between the insert and the read: the caller asks again.
                    return new IdempotencyClaim(IdempotencyClaimStatus.InProgress);
                }

                storedFingerprint = reader.GetString(0);
                leaseUntil = reader.GetInt64(1);
                result = reader.IsDBNull(2) ? null : reader.GetString(2);
            }

            if (result is not null && storedFingerprint.Length == 0)
            {
                storedFingerprint = fingerprint;
            }

            if (!string.Equals(storedFingerprint, fingerprint, StringComparison.Ordinal))
            {
                throw new IdempotencyKeyReusedException(key);
            }

            if (result is not null)
            {
                return new IdempotencyClaim(IdempotencyClaimStatus.Completed, Parse(result, "idempotency"));
            }

            if (leaseUntil > now.UtcTicks)
            {
                return new IdempotencyClaim(IdempotencyClaimStatus.InProgress);
            }

            await Exec(c, t, $"UPDATE {_schema}.idempotency SET lease_until_ticks = @until WHERE key = @key;", cancellationToken, ("until", until), ("key", key.Value)).ConfigureAwait(false);
            return new IdempotencyClaim(IdempotencyClaimStatus.Acquired);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task ReleaseIdempotencyKeyAsync(IdempotencyKey key, CancellationToken cancellationToken = default) =>
        Write((c, t) => Exec(c, t, $"DELETE FROM {_schema}.idempotency WHERE key = @key AND result IS NULL;", cancellationToken, ("key", key.Value)), cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return Write<IReadOnlyList<OutboxMessage>>(async (c, t) =>
        {
            using var command = new NpgsqlCommand($"""
                UPDATE {_schema}.outbox SET lease_until_ticks = @until
                WHERE sequence IN (
                    SELECT sequence FROM {_schema}.outbox
                    WHERE state = 0 AND next_attempt_ticks <= @now AND lease_until_ticks <= @now
                    ORDER BY sequence LIMIT @limit FOR UPDATE SKIP LOCKED)
                RETURNING {OutboxColumns};
                """, c, t);
            command.Parameters.AddWithValue("until", (now + lease).UtcTicks);
            command.Parameters.AddWithValue("now", now.UtcTicks);
            command.Parameters.AddWithValue("limit", maxCount);
            var leased = await ReadOutbox(command, cancellationToken).ConfigureAwait(false);
            leased.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            return leased;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default) =>
        Write((c, t) => Exec(c, t, $"UPDATE {_schema}.outbox SET state = 1, lease_until_ticks = 0 WHERE sequence = @sequence;", cancellationToken, ("sequence", sequence)), cancellationToken);

    /// <inheritdoc/>
    public Task MarkOutboxFailedAsync(long sequence, OutboxFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Write((c, t) => Exec(c, t, $"""
            UPDATE {_schema}.outbox SET attempts = attempts + 1, next_attempt_ticks = @due, delivered_to = @delivered, last_error = @error,
                state = @state, lease_until_ticks = 0
            WHERE sequence = @sequence;
            """, cancellationToken,
            ("due", failure.NextAttemptAt.UtcTicks), ("delivered", failure.DeliveredTo.ToArray()), ("error", failure.Error),
            ("state", (short)(failure.DeadLetter ? OutboxMessageState.DeadLettered : OutboxMessageState.Pending)), ("sequence", sequence)), cancellationToken);
    }

    /// <inheritdoc/>
    public Task<OutboxMessage?> FindOutboxMessageAsync(Guid eventId, CancellationToken cancellationToken = default) =>
        Run(async c =>
        {
            using var command = new NpgsqlCommand($"SELECT {OutboxColumns} FROM {_schema}.outbox WHERE event_id = @id;", c);
            command.Parameters.AddWithValue("id", eventId);
            var found = await ReadOutbox(command, cancellationToken).ConfigureAwait(false);
            return found.Count > 0 ? found[0] : null;
        }, cancellationToken);

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Run<IReadOnlyList<OutboxMessage>>(async c =>
        {
            using var command = new NpgsqlCommand($"SELECT {OutboxColumns} FROM {_schema}.outbox WHERE state = 2 ORDER BY sequence LIMIT @limit;", c);
            command.Parameters.AddWithValue("limit", limit);
            return await ReadOutbox(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<bool> RequeueOutboxMessageAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Write(async (c, t) => await Exec(c, t, $"""
            UPDATE {_schema}.outbox SET state = 0, attempts = 0, delivered_to = ARRAY[]::text[], last_error = NULL, next_attempt_ticks = @now, lease_until_ticks = 0
            WHERE event_id = @id;
            """, cancellationToken, ("now", now.UtcTicks), ("id", eventId)).ConfigureAwait(false) > 0, cancellationToken);

    /// <summary>Disposes the data source when the store created it.</summary>
    /// <returns>A task that completes when disposed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _migration.Dispose();
    }

    private const string OutboxColumns = "sequence, event_id, type, rma, version, occurred_at, payload, state, attempts, next_attempt_ticks, delivered_to, last_error";

    private static NpgsqlDataSource CreateDataSource(PostgreSqlReturnStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("Set the PostgreSQL store's ConnectionString.", nameof(options));
        }

        return NpgsqlDataSource.Create(options.ConnectionString);
    }

    private static ReturnRequest? FirstOrNull(IReadOnlyList<ReturnRequest> found) => found.Count > 0 ? found[0] : null;

    private async Task<List<OutboxMessage>> ReadOutbox(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rmaText = reader.GetString(3);
            if (!RmaNumber.TryParse(rmaText, out var rma))
            {
                throw new ReturnStoreException($"Schema '{_schema}' on {_where}: outbox row {reader.GetInt64(0)} names '{rmaText}', which is not an RMA number.");
            }

            var e = new ReturnEvent(reader.GetGuid(1), reader.GetString(2), rma, reader.GetInt64(4), DateTimeOffset.ParseExact(reader.GetString(5), "O", CultureInfo.InvariantCulture));
            messages.Add(new OutboxMessage(reader.GetInt64(0), e, reader.GetString(6))
            {
                State = (OutboxMessageState)reader.GetInt16(7),
                Attempts = reader.GetInt32(8),
                NextAttemptAt = new DateTimeOffset(reader.GetInt64(9), TimeSpan.Zero),
                DeliveredTo = reader.GetFieldValue<string[]>(10),
                LastError = reader.IsDBNull(11) ? null : reader.GetString(11),
            });
        }

        return messages;
    }

    private Task<IReadOnlyList<ReturnRequest>> Documents(string sql, string parameter, CancellationToken cancellationToken) =>
        Run(async c =>
        {
            using var command = new NpgsqlCommand(sql, c);
            command.Parameters.AddWithValue("p", parameter);
            return await ReadDocuments(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private async Task<IReadOnlyList<ReturnRequest>> ReadDocuments(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<ReturnRequest>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            found.Add(Parse(reader.GetString(0), "returns"));
        }

        return found;
    }

    private ReturnRequest Parse(string json, string table)
    {
        try
        {
            return ReturnDocument.Parse(json, $"{_where} {_schema}.{table}");
        }
        catch (ReturnsValidationException ex)
        {
            throw new ReturnStoreException($"Schema '{_schema}' on {_where} holds a return document that cannot be read; it was edited by hand or written by another program. {ex.Message}", ex);
        }
    }

    private static async Task<int> Exec(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            if (value is string[] texts)
            {
                command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = texts });
            }
            else
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<bool> Write(Func<NpgsqlConnection, NpgsqlTransaction, Task> write, CancellationToken cancellationToken) =>
        Write<bool>(async (c, t) =>
        {
            await write(c, t).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private Task<T> Write<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken) =>
        Run(async connection =>
        {
            using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await write(connection, transaction).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            return result;
        }, cancellationToken);

    private async Task<T> Run<T>(Func<NpgsqlConnection, Task<T>> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var disposeConnection = connection.ConfigureAwait(false);
            if (!_migrated)
            {
                await _migration.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    if (!_migrated)
                    {
                        await PgSchema.MigrateAsync(connection, _schema, _where, cancellationToken).ConfigureAwait(false);
                        _migrated = true;
                    }
                }
                finally
                {
                    _migration.Release();
                }
            }

            return await operation(connection).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReturnStoreException($"The PostgreSQL returns store (schema '{_schema}' on {_where}) failed: {ex.SqlState} {ex.MessageText}", ex);
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReturnStoreException($"The PostgreSQL returns store cannot reach {_where}: {ex.Message}", ex);
        }
    }
}
