################################################################################
# General
################################################################################

variable "region" {
  description = "AWS region to deploy into, e.g. `us-east-1`."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as us-east-1."
  }
}

variable "name_prefix" {
  description = "Prefix of every AWS name (VPC, instances, DocumentDB, bucket); lowercase letters, digits and dashes."
  type        = string
  default     = "ca4"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,19}$", var.name_prefix))
    error_message = "name_prefix must be 2 to 20 characters: a lowercase letter, then lowercase letters, digits or dashes."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

################################################################################
# Network
################################################################################

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC (/16 to /20); subnets are carved from it."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr)) && try(tonumber(split("/", var.vpc_cidr)[1]) >= 16 && tonumber(split("/", var.vpc_cidr)[1]) <= 20, false)
    error_message = "vpc_cidr must be an IPv4 CIDR block from /16 to /20, e.g. 10.40.0.0/16."
  }
}

variable "single_nat_gateway" {
  description = "Whether both private subnets share one NAT gateway (cheaper) instead of one per availability zone."
  type        = bool
  default     = true
}

################################################################################
# Access
################################################################################

variable "my_ip_cidr" {
  description = "Your workstation's public IPv4 address as a CIDR, e.g. `203.0.113.7/32`: the only source allowed to SSH to the bastion."
  type        = string

  validation {
    condition     = can(cidrnetmask(var.my_ip_cidr)) && try(tonumber(split("/", var.my_ip_cidr)[1]) >= 16, false)
    error_message = "my_ip_cidr must be an IPv4 CIDR of /16 or narrower (your address, e.g. 203.0.113.7/32); 0.0.0.0/0 is refused."
  }
}

variable "ssh_key_name" {
  description = "Name of an existing EC2 key pair in the region; its private key logs in to the bastion and the nodes."
  type        = string

  validation {
    condition     = length(trimspace(var.ssh_key_name)) > 0 && length(var.ssh_key_name) <= 255
    error_message = "ssh_key_name must name an existing EC2 key pair."
  }
}

variable "ssh_user" {
  description = "Login user of the AMI (`ec2-user` on Amazon Linux, `ubuntu` on Ubuntu)."
  type        = string
  default     = "ec2-user"
}

variable "ami_id" {
  description = "AMI of the bastion and the nodes; null looks up the newest Amazon Linux 2023 x86_64 AMI."
  type        = string
  default     = null

  validation {
    condition     = var.ami_id == null || can(regex("^ami-[0-9a-f]{8,17}$", var.ami_id))
    error_message = "ami_id must be null or an AMI id such as ami-0123456789abcdef0."
  }
}

################################################################################
# Bastion
################################################################################

variable "bastion_instance_type" {
  description = "EC2 instance type of the bastion."
  type        = string
  default     = "t3.micro"
}

################################################################################
# K3s nodes
################################################################################

variable "edge_node_instance_type" {
  description = "EC2 instance type of the K3s nodes (Kafka and Liberty want 4 GiB or more)."
  type        = string
  default     = "t3.large"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*[0-9][a-z0-9-]*\\.[a-z0-9]+$", var.edge_node_instance_type))
    error_message = "edge_node_instance_type must be an EC2 instance type such as t3.large."
  }
}

variable "edge_node_count" {
  description = "Number of K3s nodes: the first is the server, the others are agents (1 to 9)."
  type        = number
  default     = 3

  validation {
    condition     = var.edge_node_count >= 1 && var.edge_node_count <= 9 && floor(var.edge_node_count) == var.edge_node_count
    error_message = "edge_node_count must be a whole number from 1 to 9."
  }
}

variable "edge_node_root_volume_size" {
  description = "Size of each node's encrypted root volume in GiB (20 or more)."
  type        = number
  default     = 40

  validation {
    condition     = var.edge_node_root_volume_size >= 20
    error_message = "edge_node_root_volume_size must be at least 20 GiB."
  }
}

variable "kafka_node_port" {
  description = "NodePort of Kafka's external listener, reachable inside the VPC only (target of `make tunnel-kafka`)."
  type        = number
  default     = 30092

  validation {
    condition     = var.kafka_node_port >= 30000 && var.kafka_node_port <= 32767
    error_message = "kafka_node_port must be in the Kubernetes NodePort range 30000-32767."
  }
}

variable "grafana_node_port" {
  description = "NodePort of Grafana, reachable inside the VPC only (target of `make tunnel-grafana`)."
  type        = number
  default     = 30300

  validation {
    condition     = var.grafana_node_port >= 30000 && var.grafana_node_port <= 32767
    error_message = "grafana_node_port must be in the Kubernetes NodePort range 30000-32767."
  }
}

################################################################################
# DocumentDB
################################################################################

variable "db_username" {
  description = "DocumentDB master user name (a letter, then letters or digits)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9]{0,62}$", var.db_username)) && !contains(["admin", "root", "serviceadmin"], lower(var.db_username))
    error_message = "db_username must be 1 to 63 letters or digits starting with a letter, and not a reserved name (admin, root, serviceadmin)."
  }
}

variable "db_password" {
  description = "DocumentDB master password (8 to 100 printable ASCII characters, no /, \", @ or space). Pass it as TF_VAR_db_password."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.db_password) >= 8 && length(var.db_password) <= 100 && can(regex("^[!#-?A-~]+$", var.db_password)) && !can(regex("[/\"@ ]", var.db_password))
    error_message = "db_password must be 8 to 100 printable ASCII characters without /, \", @ or space."
  }
}

variable "db_instance_class" {
  description = "Instance class of the DocumentDB instances, e.g. `db.t3.medium`."
  type        = string
  default     = "db.t3.medium"

  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.db_instance_class))
    error_message = "db_instance_class must be a DocumentDB instance class such as db.t3.medium."
  }
}

variable "db_instance_count" {
  description = "Number of DocumentDB instances (1 writer, the rest readers; 1 to 16)."
  type        = number
  default     = 1

  validation {
    condition     = var.db_instance_count >= 1 && var.db_instance_count <= 16
    error_message = "db_instance_count must be from 1 to 16."
  }
}

variable "db_engine_version" {
  description = "DocumentDB engine version. Valid values: `4.0.0`, `5.0.0`."
  type        = string
  default     = "5.0.0"

  validation {
    condition     = contains(["4.0.0", "5.0.0"], var.db_engine_version)
    error_message = "db_engine_version must be 4.0.0 or 5.0.0."
  }
}

variable "db_cluster_params" {
  description = "Extra DocumentDB cluster parameters (name => value); `tls` stays `enabled` whatever is given."
  type        = map(string)
  default     = {}
}

variable "db_backup_retention_days" {
  description = "Days DocumentDB keeps automated backups (1 to 35)."
  type        = number
  default     = 7

  validation {
    condition     = var.db_backup_retention_days >= 1 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be from 1 to 35."
  }
}

variable "db_deletion_protection" {
  description = "Whether DocumentDB refuses deletion; set false and apply before `make ca4-destroy`."
  type        = bool
  default     = true
}

variable "db_skip_final_snapshot" {
  description = "Whether destroying DocumentDB skips its final snapshot."
  type        = bool
  default     = false
}

################################################################################
# Archive bucket
################################################################################

variable "create_archive_bucket" {
  description = "Whether to create the S3 archive bucket (and let the nodes write to it)."
  type        = bool
  default     = true
}

variable "archive_force_destroy" {
  description = "Whether `make ca4-destroy` may delete a non-empty archive bucket."
  type        = bool
  default     = false
}

variable "archive_transition_to_ia_days" {
  description = "Days after which archived objects move to STANDARD_IA (30 or more)."
  type        = number
  default     = 30

  validation {
    condition     = var.archive_transition_to_ia_days >= 30
    error_message = "archive_transition_to_ia_days must be at least 30 (the S3 minimum for STANDARD_IA)."
  }
}

variable "archive_transition_to_glacier_days" {
  description = "Days after which archived objects move to GLACIER_IR."
  type        = number
  default     = 90
}
