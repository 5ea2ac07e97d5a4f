//! The `SC` secret rules, one file each (metadata, keywords, pattern, gates, a positive and a
//! near-miss example with their tests), and their ordered registry.

use super::SecretRule;
use bulkhead_diagnostics::RuleMeta;

/// What every rule file imports.
pub mod prelude {
    pub use crate::secrets::{Reach, SecretRule};
    pub use bulkhead_diagnostics::{Alias, Category, FixKind, RuleMeta, Severity, Tool};
}

/// Declares a rule's `META` and `RULE`, with the documentation's four sections.
macro_rules! secret_rule {
    (
        code: $code:literal,
        name: $name:literal,
        title: $title:literal,
        severity: $sev:ident,
        aliases: $aliases:expr,
        keywords: $kw:expr,
        pattern: $re:literal,
        entropy: $ent:literal,
        placeholders: $ph:literal,
        reach: $reach:expr,
        why: $why:literal,
        example: $ex:expr,
        near_miss: $nm:expr $(,)?
    ) => {
        pub static META: RuleMeta = RuleMeta {
            code: $code,
            name: $name,
            summary: concat!($title, " in a file, an image layer, the image configuration or history"),
            severity: Severity::$sev,
            category: Category::Secrets,
            aliases: $aliases,
            fix: FixKind::None,
            default_enabled: true,
            docs: concat!(
                "## What it does\nReports a ", $title,
                " found in a text file (of a directory or of any image layer, deleted files included), ",
                "in the image's `Env`, labels or history, or in a Dockerfile `ENV`/`ARG` or Kubernetes ",
                "`Secret`/`ConfigMap` value. The secret is masked in every output.\n\n",
                "Pattern:\n```text\n", $re, "\n```\n\n",
                "## Why is this bad?\n", $why, "\n\n",
                "## Example\nA line such as `", $name, " = <the value>` in a file copied into an image. ",
                "Use instead: a secret mounted at run time (`RUN --mount=type=secret`, a Kubernetes ",
                "Secret volume, the orchestrator's secret store).\n\n",
                "## Fix safety\nNo automatic fix: revoke the credential first, then remove it from the ",
                "source and rebuild every image that held it.\n"
            ),
        };
        /// The rule's scanner entry.
        pub static RULE: SecretRule = SecretRule {
            meta: &META,
            keywords: $kw,
            pattern: $re,
            entropy: $ent,
            placeholders: $ph,
            reach: $reach,
            example: $ex,
            near_miss: $nm,
        };
    };
}

macro_rules! rules {
    ($($m:ident),* $(,)?) => {
        $(pub mod $m;)*
        /// Every secret rule's metadata, in code order.
        pub static RULES: &[&RuleMeta] = &[$(&$m::META),*];
        /// Every secret rule, in code order.
        pub static SECRET_RULES: &[&SecretRule] = &[$(&$m::RULE),*];
    };
}

rules! {
    sc001_aws_access_key_id,
    sc002_aws_secret_access_key,
    sc003_aws_account_id,
    sc004_aws_mws_key,
    sc005_gcp_service_account,
    sc006_gcp_api_key,
    sc007_azure_storage_account_key,
    sc008_azure_ad_client_secret,
    sc009_azure_sas_token,
    sc010_azure_devops_pat,
    sc011_alibaba_access_key_id,
    sc012_alibaba_secret_key,
    sc013_digitalocean_token,
    sc014_heroku_api_key_v2,
    sc015_heroku_api_key,
    sc016_flyio_token,
    sc017_cloudflare_origin_ca_key,
    sc018_yandex_api_key,
    sc019_yandex_iam_token,
    sc020_databricks_api_token,
    sc021_hashicorp_tf_api_token,
    sc022_vault_token,
    sc023_pulumi_api_token,
    sc024_doppler_api_token,
    sc025_dynatrace_api_token,
    sc026_new_relic_user_api_key,
    sc027_new_relic_user_api_id,
    sc028_new_relic_browser_api_token,
    sc029_new_relic_insert_key,
    sc030_sentry_token,
    sc031_grafana_api_token,
    sc032_grafana_cloud_api_token,
    sc033_grafana_service_account_token,
    sc034_jfrog_api_key,
    sc035_okta_access_token,
    sc036_harness_api_key,
    sc037_onepassword_service_account_token,
    sc038_onepassword_secret_key,
    sc039_github_pat,
    sc040_github_fine_grained_pat,
    sc041_github_oauth,
    sc042_github_app_token,
    sc043_github_refresh_token,
    sc044_gitlab_pat,
    sc045_gitlab_pipeline_trigger_token,
    sc046_gitlab_runner_registration_token,
    sc047_gitlab_runner_auth_token,
    sc048_gitlab_deploy_token,
    sc049_gitlab_feed_token,
    sc050_gitlab_oauth_app_secret,
    sc051_gitlab_scim_token,
    sc052_gitlab_cicd_job_token,
    sc053_gitlab_kubernetes_agent_token,
    sc054_gitlab_incoming_mail_token,
    sc055_gitlab_feature_flag_client_token,
    sc056_bitbucket_client_id,
    sc057_bitbucket_client_secret,
    sc058_atlassian_api_token,
    sc059_private_key,
    sc060_putty_private_key,
    sc061_age_secret_key,
    sc062_jwt_token,
    sc063_connection_string_password,
    sc064_generic_password_assignment,
    sc065_env_secret_assignment,
    sc066_docker_config_auth,
    sc067_htpasswd_hash,
    sc068_docker_hub_pat,
    sc069_slack_token,
    sc070_slack_app_token,
    sc071_slack_config_token,
    sc072_slack_webhook,
    sc073_discord_api_token,
    sc074_discord_client_id,
    sc075_discord_client_secret,
    sc076_discord_webhook,
    sc077_telegram_bot_token,
    sc078_teams_webhook,
    sc079_twitch_api_token,
    sc080_twitter_bearer_token,
    sc081_twitter_token,
    sc082_facebook_token,
    sc083_facebook_access_token,
    sc084_linkedin_client_secret,
    sc085_linkedin_client_id,
    sc086_intercom_api_token,
    sc087_intercom_client_secret,
    sc088_mattermost_token,
    sc089_stripe_secret_token,
    sc090_stripe_publishable_token,
    sc091_square_token,
    sc092_shopify_token,
    sc093_paypal_braintree_token,
    sc094_flutterwave_key,
    sc095_flutterwave_enc_key,
    sc096_gocardless_api_token,
    sc097_coinbase_key,
    sc098_finicity_client_secret,
    sc099_finicity_api_token,
    sc100_plaid_token,
    sc101_npm_access_token,
    sc102_pypi_upload_token,
    sc103_rubygems_api_token,
    sc104_nuget_api_key,
    sc105_clojars_api_token,
    sc106_private_packagist_token,
    sc107_postman_api_token,
    sc108_linear_api_token,
    sc109_linear_client_secret,
    sc110_planetscale_password,
    sc111_planetscale_api_token,
    sc112_sendgrid_api_token,
    sc113_sendinblue_api_token,
    sc114_mailchimp_api_key,
    sc115_mailgun_token,
    sc116_mailgun_signing_key,
    sc117_mapbox_api_token,
    sc118_messagebird_api_token,
    sc119_messagebird_client_id,
    sc120_twilio_api_key,
    sc121_hubspot_api_token,
    sc122_asana_client_id,
    sc123_asana_client_secret,
    sc124_adobe_client_id,
    sc125_adobe_client_secret,
    sc126_beamer_api_token,
    sc127_contentful_delivery_api_token,
    sc128_dropbox_api_secret,
    sc129_dropbox_short_lived_api_token,
    sc130_dropbox_long_lived_api_token,
    sc131_duffel_api_token,
    sc132_easypost_api_token,
    sc133_fastly_api_token,
    sc134_frameio_api_token,
    sc135_ionic_api_token,
    sc136_lob_api_key,
    sc137_lob_pub_api_key,
    sc138_typeform_api_token,
    sc139_shippo_api_token,
    sc140_hugging_face_access_token,
    sc141_openai_api_key,
    sc142_anthropic_api_key,
    sc143_prefect_api_token,
    sc144_readme_api_token,
    sc145_airtable_pat,
    sc146_notion_api_token,
    sc147_infracost_api_token,
    sc148_scalingo_api_token,
    sc149_symfony_app_secret,
}

#[cfg(test)]
pub mod testing {
    //! Scan one line between two others and look at one rule.
    use crate::secrets::{SecretRule, scan_bytes};

    /// Assert the lines `rule` reports when `line` is the second line of a three-line text.
    #[track_caller]
    pub fn assert_lines(rule: &SecretRule, line: &str, expected: &[u64]) {
        let text = format!("first line\n{line}\nlast line\n");
        let got: Vec<u64> = scan_bytes(text.as_bytes())
            .iter()
            .filter(|m| m.rule.code == rule.meta.code)
            .map(|m| m.line)
            .collect();
        assert_eq!(got, expected, "{} on {line:?}", rule.meta.code);
    }
}
