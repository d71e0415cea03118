variable "name" {
  description = "Name prefix (and cluster identifier) of the DocumentDB cluster."
  type        = string
  default     = "ca4"
}

variable "subnet_ids" {
  description = "Private subnets of the DocumentDB subnet group (two availability zones or more)."
  type        = list(string)
  default     = []
}

variable "security_group_ids" {
  description = "Security groups attached to the cluster."
  type        = list(string)
  default     = []
}

variable "engine_version" {
  description = "DocumentDB engine version. Valid values: `4.0.0`, `5.0.0`."
  type        = string
  default     = "5.0.0"
}

variable "instance_class" {
  description = "Instance class of the cluster instances, e.g. `db.t3.medium`."
  type        = string
  default     = "db.t3.medium"
}

variable "instance_count" {
  description = "Number of cluster instances (1 writer, the rest readers)."
  type        = number
  default     = 1
}

variable "master_username" {
  description = "Master user name."
  type        = string
  default     = null
}

variable "master_password" {
  description = "Master password."
  type        = string
  default     = null
  sensitive   = true
}

variable "port" {
  description = "TCP port the cluster listens on."
  type        = number
  default     = 27017
}

variable "cluster_parameters" {
  description = "Extra cluster parameters (name => value). `tls` is always `enabled` and cannot be overridden."
  type        = map(string)
  default     = {}
}

variable "backup_retention_days" {
  description = "Days automated backups are kept (1 to 35)."
  type        = number
  default     = 7
}

variable "preferred_backup_window" {
  description = "Daily UTC window for automated backups, `hh24:mi-hh24:mi`."
  type        = string
  default     = "03:00-04:00"
}

variable "deletion_protection" {
  description = "Whether the cluster refuses to be deleted (turn off and apply before destroying)."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Whether destroying the cluster skips the final snapshot."
  type        = bool
  default     = false
}

variable "kms_key_id" {
  description = "ARN of a KMS key for encryption at rest; null uses the AWS-managed key."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
