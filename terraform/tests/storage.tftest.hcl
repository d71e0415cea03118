# The archive bucket is private, encrypted, versioned, TLS-only and tiers to cheaper storage;
# the node role may write to that bucket and nothing else.

mock_provider "aws" {
  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::ca4test-archive" }
  }
}

run "archive_bucket_is_private_encrypted_and_tiered" {
  command = apply

  module {
    source = "./modules/archive_bucket"
  }

  variables {
    bucket_name = "ca4test-archive"
  }

  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.this.block_public_acls,
      aws_s3_bucket_public_access_block.this.block_public_policy,
      aws_s3_bucket_public_access_block.this.ignore_public_acls,
      aws_s3_bucket_public_access_block.this.restrict_public_buckets,
    ])
    error_message = "Every public access block switch must be on."
  }

  assert {
    condition     = one(aws_s3_bucket_ownership_controls.this.rule).object_ownership == "BucketOwnerEnforced"
    error_message = "ACLs must be disabled (BucketOwnerEnforced)."
  }

  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.this.rule).apply_server_side_encryption_by_default).sse_algorithm == "AES256"
    error_message = "The bucket must be encrypted at rest (SSE-S3 without a KMS key)."
  }

  assert {
    condition     = one(aws_s3_bucket_versioning.this.versioning_configuration).status == "Enabled"
    error_message = "Versioning must be enabled."
  }

  assert {
    condition = (
      one(aws_s3_bucket_lifecycle_configuration.this.rule).status == "Enabled" &&
      join(",", [for t in one(aws_s3_bucket_lifecycle_configuration.this.rule).transition : t.storage_class]) == "STANDARD_IA,GLACIER_IR"
    )
    error_message = "Objects must move to STANDARD_IA and then GLACIER_IR."
  }

  assert {
    condition = anytrue([
      for st in jsondecode(aws_s3_bucket_policy.this.policy).Statement :
      st.Effect == "Deny" && st.Condition.Bool["aws:SecureTransport"] == "false"
    ])
    error_message = "The bucket policy must deny requests without TLS."
  }

  assert {
    condition     = output.bucket_url == "s3://ca4test-archive" && output.bucket_name == "ca4test-archive"
    error_message = "bucket_url must be the s3:// URL of the bucket."
  }
}

run "archive_bucket_uses_kms_when_given_a_key" {
  command = plan

  module {
    source = "./modules/archive_bucket"
  }

  variables {
    bucket_name = "ca4test-archive"
    kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/0b6c5c0e-1111-2222-3333-444455556666"
  }

  assert {
    condition     = one(one(aws_s3_bucket_server_side_encryption_configuration.this.rule).apply_server_side_encryption_by_default).sse_algorithm == "aws:kms"
    error_message = "With a KMS key the bucket must use SSE-KMS."
  }
}

run "nodes_may_write_only_to_the_archive_bucket" {
  command = apply

  module {
    source = "./modules/iam"
  }

  variables {
    name               = "ca4test"
    archive_bucket_arn = "arn:aws:s3:::ca4test-archive"
  }

  assert {
    condition = alltrue([
      for st in jsondecode(aws_iam_role_policy.archive_write[0].policy).Statement :
      st.Effect == "Allow" && alltrue([for r in flatten([st.Resource]) : startswith(r, "arn:aws:s3:::ca4test-archive")])
    ])
    error_message = "Every statement of the node policy must be limited to the archive bucket."
  }

  assert {
    condition = alltrue([
      for st in jsondecode(aws_iam_role_policy.archive_write[0].policy).Statement :
      alltrue([for a in flatten([st.Action]) : startswith(a, "s3:") && !strcontains(a, "*") && !startswith(a, "s3:Delete")])
    ])
    error_message = "The node policy must name S3 actions explicitly, with no wildcard and no delete."
  }

  assert {
    condition = contains(flatten([
      for st in jsondecode(aws_iam_role_policy.archive_write[0].policy).Statement : flatten([st.Action])
    ]), "s3:GetObject")
    error_message = "The worker reads a redelivered segment's metadata (HEAD needs s3:GetObject) and make restore reads segments."
  }

  assert {
    condition     = jsondecode(aws_iam_role.nodes.assume_role_policy).Statement[0].Principal.Service == "ec2.amazonaws.com"
    error_message = "Only EC2 may assume the node role."
  }
}

run "nodes_get_no_s3_access_without_the_archive" {
  command = plan

  module {
    source = "./modules/iam"
  }

  variables {
    name                 = "ca4test"
    enable_archive_write = false
  }

  assert {
    condition     = length(aws_iam_role_policy.archive_write) == 0
    error_message = "Without the archive bucket the nodes get no S3 policy."
  }
}
