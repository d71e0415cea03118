################################################################################
# Bucket
################################################################################

output "bucket_name" {
  description = "Name of the archive bucket."
  value       = try(aws_s3_bucket.this.bucket, null)
}

output "bucket_arn" {
  description = "ARN of the archive bucket."
  value       = try(aws_s3_bucket.this.arn, null)
}

output "bucket_url" {
  description = "s3:// URL of the archive bucket."
  value       = try("s3://${aws_s3_bucket.this.bucket}", null)
}

output "bucket_regional_domain_name" {
  description = "Regional domain name of the archive bucket (its HTTPS endpoint)."
  value       = try(aws_s3_bucket.this.bucket_regional_domain_name, null)
}
