locals {
  engine_family = "docdb${join(".", slice(split(".", var.engine_version), 0, 2))}"

  # TLS is forced on last, so no caller can switch it off.
  cluster_parameters = merge(var.cluster_parameters, { tls = "enabled" })
}

################################################################################
# Subnet group and parameter group
################################################################################

resource "aws_docdb_subnet_group" "this" {
  name        = "${var.name}-docdb"
  description = "Private subnets of the ${var.name} DocumentDB cluster"
  subnet_ids  = var.subnet_ids

  tags = merge({ Name = "${var.name}-docdb" }, var.tags)
}

resource "aws_docdb_cluster_parameter_group" "this" {
  name        = "${var.name}-docdb"
  family      = local.engine_family
  description = "${var.name} DocumentDB parameters (TLS on)"

  dynamic "parameter" {
    for_each = local.cluster_parameters

    content {
      name         = parameter.key
      value        = parameter.value
      apply_method = "pending-reboot"
    }
  }

  tags = merge({ Name = "${var.name}-docdb" }, var.tags)
}

################################################################################
# Cluster
################################################################################

resource "aws_docdb_cluster" "this" {
  cluster_identifier              = "${var.name}-docdb"
  engine                          = "docdb"
  engine_version                  = var.engine_version
  master_username                 = var.master_username
  master_password                 = var.master_password
  port                            = var.port
  db_subnet_group_name            = aws_docdb_subnet_group.this.name
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.this.name
  vpc_security_group_ids          = var.security_group_ids

  storage_encrypted = true
  kms_key_id        = var.kms_key_id

  backup_retention_period   = var.backup_retention_days
  preferred_backup_window   = var.preferred_backup_window
  deletion_protection       = var.deletion_protection
  skip_final_snapshot       = var.skip_final_snapshot
  final_snapshot_identifier = var.skip_final_snapshot ? null : "${var.name}-docdb-final"

  tags = merge({ Name = "${var.name}-docdb" }, var.tags)
}

resource "aws_docdb_cluster_instance" "this" {
  count = var.instance_count

  identifier                 = "${var.name}-docdb-${count.index}"
  cluster_identifier         = aws_docdb_cluster.this.id
  instance_class             = var.instance_class
  auto_minor_version_upgrade = true

  tags = merge({ Name = "${var.name}-docdb-${count.index}" }, var.tags)
}
