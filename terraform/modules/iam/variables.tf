variable "name" {
  description = "Name prefix of the IAM role and instance profile."
  type        = string
  default     = "ca4"
}

variable "enable_archive_write" {
  description = "Whether the nodes get write access to the archive bucket."
  type        = bool
  default     = true
}

variable "archive_bucket_arn" {
  description = "ARN of the archive bucket: the only resource the nodes may write to."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
