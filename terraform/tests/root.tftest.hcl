# The whole root module with a mock AWS: every output the make targets and the inventory generator
# read is present, and bad inputs are refused before anything reaches AWS.

mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = { names = ["us-east-1a", "us-east-1b", "us-east-1c"] }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_ami" {
    defaults = { id = "ami-0fedcba9876543210" }
  }
  mock_data "aws_region" {
    defaults = { name = "us-east-1" }
  }
  mock_resource "aws_instance" {
    defaults = { private_ip = "10.40.10.11" }
  }
  mock_resource "aws_eip" {
    defaults = { public_ip = "198.51.100.20" }
  }
  mock_resource "aws_docdb_cluster" {
    defaults = { endpoint = "ca4-docdb.cluster-abc.us-east-1.docdb.amazonaws.com", reader_endpoint = "ca4-docdb.cluster-ro-abc.us-east-1.docdb.amazonaws.com" }
  }
  mock_resource "aws_s3_bucket" {
    defaults = { arn = "arn:aws:s3:::ca4-archive-123456789012" }
  }
}

variables {
  my_ip_cidr   = "203.0.113.7/32"
  ssh_key_name = "ca4"
  db_username  = "ca4admin"
  db_password  = "correct-horse-battery"
}

run "outputs_are_present" {
  command = apply

  assert {
    condition     = output.bastion_public_ip == "198.51.100.20"
    error_message = "bastion_public_ip must be the bastion's Elastic IP."
  }

  assert {
    condition     = length(output.edge_node_private_ips) == 3 && output.edge_node_private_ips[0] == output.k3s_server_private_ip && length(output.k3s_agent_private_ips) == 2
    error_message = "Node private IPs must list the server first, then the two agents."
  }

  assert {
    condition     = output.k3s_api_internal_endpoint == "https://10.40.10.11:6443"
    error_message = "k3s_api_internal_endpoint must be https://<server private IP>:6443."
  }

  assert {
    condition     = output.documentdb_endpoint == "ca4-docdb.cluster-abc.us-east-1.docdb.amazonaws.com" && output.documentdb_port == 27017
    error_message = "The DocumentDB endpoint and port must be output."
  }

  assert {
    condition     = output.s3_bucket_name == "ca4-archive-123456789012" && output.s3_bucket_url == "s3://ca4-archive-123456789012"
    error_message = "The archive bucket name and URL must be output, named <prefix>-archive-<account>."
  }

  assert {
    condition     = output.ssh_user == "ec2-user" && output.kafka_node_port == 30092 && output.grafana_node_port == 30300 && output.region == "us-east-1"
    error_message = "The tunnel and inventory outputs must be present."
  }

  assert {
    condition     = output.vpc_cidr == "10.40.0.0/16"
    error_message = "vpc_cidr must be output."
  }
}

run "archive_bucket_can_be_left_out" {
  command = plan

  variables {
    create_archive_bucket = false
    ami_id                = "ami-0123456789abcdef0"
  }

  assert {
    condition     = output.s3_bucket_name == null && output.s3_bucket_url == null
    error_message = "Without the archive bucket its outputs must be null."
  }
}

run "bad_inputs_are_refused" {
  command = plan

  variables {
    my_ip_cidr      = "203.0.113.0/8"
    db_username     = "admin"
    db_password     = "short"
    edge_node_count = 0
    name_prefix     = "CA4"
  }

  expect_failures = [
    var.my_ip_cidr,
    var.db_username,
    var.db_password,
    var.edge_node_count,
    var.name_prefix,
  ]
}

run "password_with_forbidden_characters_is_refused" {
  command = plan

  variables {
    db_password = "has@sign-and/slash"
  }

  expect_failures = [var.db_password]
}
