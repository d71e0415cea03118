# DocumentDB: TLS on (and not switchable off), encrypted at rest, backups kept, deletion protection
# follows its switch, private subnets only.

mock_provider "aws" {}

variables {
  name               = "ca4test"
  subnet_ids         = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"]
  security_group_ids = ["sg-0bbbbbbbbbbbbbbb1"]
  master_username    = "ca4admin"
  master_password    = "correct-horse-battery"
}

run "cluster_is_tls_encrypted_and_backed_up" {
  command = apply

  module {
    source = "./modules/documentdb"
  }

  variables {
    # A caller trying to switch TLS off must not win.
    cluster_parameters = { tls = "disabled", audit_logs = "enabled" }
  }

  assert {
    condition     = one([for p in aws_docdb_cluster_parameter_group.this.parameter : p.value if p.name == "tls"]) == "enabled"
    error_message = "The cluster parameter group must keep tls = enabled."
  }

  assert {
    condition     = one([for p in aws_docdb_cluster_parameter_group.this.parameter : p.value if p.name == "audit_logs"]) == "enabled"
    error_message = "Extra cluster parameters must be passed through."
  }

  assert {
    condition     = aws_docdb_cluster_parameter_group.this.family == "docdb5.0"
    error_message = "The parameter group family must follow the engine version."
  }

  assert {
    condition     = aws_docdb_cluster.this.storage_encrypted
    error_message = "DocumentDB storage must be encrypted at rest."
  }

  assert {
    condition     = aws_docdb_cluster.this.backup_retention_period == 7 && aws_docdb_cluster.this.deletion_protection
    error_message = "Backups must be kept 7 days and deletion protection must default on."
  }

  assert {
    condition     = aws_docdb_cluster.this.db_cluster_parameter_group_name == aws_docdb_cluster_parameter_group.this.name && aws_docdb_cluster.this.db_subnet_group_name == aws_docdb_subnet_group.this.name
    error_message = "The cluster must use its own parameter group and private subnet group."
  }

  assert {
    condition     = toset(aws_docdb_subnet_group.this.subnet_ids) == toset(var.subnet_ids) && toset(aws_docdb_cluster.this.vpc_security_group_ids) == toset(var.security_group_ids)
    error_message = "The cluster must sit in the given private subnets behind the given security group."
  }

  assert {
    condition     = output.port == 27017 && output.endpoint != null
    error_message = "The module must output the endpoint and port 27017."
  }
}

run "deletion_protection_can_be_switched_off" {
  command = plan

  module {
    source = "./modules/documentdb"
  }

  variables {
    deletion_protection = false
    skip_final_snapshot = true
    engine_version      = "4.0.0"
  }

  assert {
    condition     = !aws_docdb_cluster.this.deletion_protection && aws_docdb_cluster.this.final_snapshot_identifier == null
    error_message = "The deletion protection switch must reach the cluster."
  }

  assert {
    condition     = aws_docdb_cluster_parameter_group.this.family == "docdb4.0"
    error_message = "The parameter group family must follow the engine version."
  }
}
