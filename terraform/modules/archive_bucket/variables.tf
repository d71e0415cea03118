variable "bucket_name" {
  description = "Globally unique name of the archive bucket."
  type        = string
  default     = null
}

variable "force_destroy" {
  description = "Whether destroying the bucket also deletes every object in it."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "ARN of a KMS key for SSE-KMS; null uses SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "transition_to_ia_days" {
  description = "Days after which objects move to STANDARD_IA."
  type        = number
  default     = 30
}

variable "transition_to_glacier_days" {
  description = "Days after which objects move to GLACIER_IR (instant retrieval)."
  type        = number
  default     = 90
}

variable "noncurrent_version_expiration_days" {
  description = "Days after which overwritten (noncurrent) object versions are deleted."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
