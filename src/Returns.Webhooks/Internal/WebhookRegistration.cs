namespace Returns.Webhooks.Internal;

// Marks an endpoint name as registered, so a second AddWebhook with the name only adds configuration.
internal sealed record WebhookRegistration(string Name);
