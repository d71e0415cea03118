locals {
  name = var.name_prefix
  tags = merge({ Project = "ca4", ManagedBy = "terraform" }, var.tags)

  azs    = slice(sort(data.aws_availability_zones.available.names), 0, 2)
  ami_id = coalesce(var.ami_id, try(data.aws_ami.al2023[0].id, null))

  k3s_api_port = 6443
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}

data "aws_ami" "al2023" {
  count = var.ami_id == null ? 1 : 0

  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }

  filter {
    name   = "virtualization-type"
    values = ["hvm"]
  }
}

################################################################################
# Network
################################################################################

module "network" {
  source = "./modules/network"

  name               = local.name
  cidr               = var.vpc_cidr
  azs                = local.azs
  single_nat_gateway = var.single_nat_gateway
}

################################################################################
# Security groups
################################################################################

module "security" {
  source = "./modules/security"

  name              = local.name
  vpc_id            = module.network.vpc_id
  vpc_cidr          = var.vpc_cidr
  my_ip_cidr        = var.my_ip_cidr
  k3s_api_port      = local.k3s_api_port
  kafka_node_port   = var.kafka_node_port
  grafana_node_port = var.grafana_node_port
}

################################################################################
# Archive bucket and node IAM
################################################################################

module "archive_bucket" {
  source = "./modules/archive_bucket"
  count  = var.create_archive_bucket ? 1 : 0

  bucket_name                = "${local.name}-archive-${data.aws_caller_identity.current.account_id}"
  force_destroy              = var.archive_force_destroy
  transition_to_ia_days      = var.archive_transition_to_ia_days
  transition_to_glacier_days = var.archive_transition_to_glacier_days
}

module "iam" {
  source = "./modules/iam"

  name                 = local.name
  enable_archive_write = var.create_archive_bucket
  archive_bucket_arn   = try(module.archive_bucket[0].bucket_arn, null)
}

################################################################################
# Bastion
################################################################################

module "bastion" {
  source = "./modules/bastion"

  name               = local.name
  ami_id             = local.ami_id
  instance_type      = var.bastion_instance_type
  subnet_id          = module.network.public_subnet_ids[0]
  security_group_ids = [module.security.bastion_security_group_id]
  key_name           = var.ssh_key_name
}

################################################################################
# K3s nodes
################################################################################

module "k3s_nodes" {
  source = "./modules/k3s_nodes"

  name                 = local.name
  node_count           = var.edge_node_count
  ami_id               = local.ami_id
  instance_type        = var.edge_node_instance_type
  subnet_ids           = module.network.private_subnet_ids
  security_group_ids   = [module.security.nodes_security_group_id]
  key_name             = var.ssh_key_name
  iam_instance_profile = module.iam.node_instance_profile_name
  root_volume_size     = var.edge_node_root_volume_size
}

################################################################################
# DocumentDB
################################################################################

module "documentdb" {
  source = "./modules/documentdb"

  name                  = local.name
  subnet_ids            = module.network.private_subnet_ids
  security_group_ids    = [module.security.documentdb_security_group_id]
  engine_version        = var.db_engine_version
  instance_class        = var.db_instance_class
  instance_count        = var.db_instance_count
  master_username       = var.db_username
  master_password       = var.db_password
  cluster_parameters    = var.db_cluster_params
  backup_retention_days = var.db_backup_retention_days
  deletion_protection   = var.db_deletion_protection
  skip_final_snapshot   = var.db_skip_final_snapshot
}
