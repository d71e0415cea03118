################################################################################
# General
################################################################################

output "name_prefix" {
  description = "Prefix of every AWS name."
  value       = local.name
}

output "region" {
  description = "AWS region of the deployment."
  value       = var.region
}

################################################################################
# Network
################################################################################

output "vpc_id" {
  description = "ID of the VPC."
  value       = try(module.network.vpc_id, null)
}

output "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC."
  value       = try(module.network.vpc_cidr_block, null)
}

################################################################################
# Bastion
################################################################################

output "bastion_public_ip" {
  description = "Public IP of the bastion: the only SSH entry point."
  value       = try(module.bastion.public_ip, null)
}

output "ssh_user" {
  description = "Login user on the bastion and the nodes."
  value       = var.ssh_user
}

output "ssh_key_name" {
  description = "Name of the EC2 key pair that logs in to the bastion and the nodes."
  value       = var.ssh_key_name
}

################################################################################
# K3s nodes
################################################################################

output "k3s_server_private_ip" {
  description = "Private IP of the K3s server node."
  value       = try(module.k3s_nodes.server_private_ip, null)
}

output "k3s_agent_private_ips" {
  description = "Private IPs of the K3s agent nodes."
  value       = try(module.k3s_nodes.agent_private_ips, [])
}

output "edge_node_private_ips" {
  description = "Private IPs of every K3s node, server first."
  value       = try(concat([module.k3s_nodes.server_private_ip], module.k3s_nodes.agent_private_ips), [])
}

output "k3s_api_internal_endpoint" {
  description = "K3s API endpoint inside the VPC (reach it with `make tunnel-k3s` at https://127.0.0.1:16443)."
  value       = try("https://${module.k3s_nodes.server_private_ip}:${local.k3s_api_port}", null)
}

output "kafka_node_port" {
  description = "NodePort of Kafka's external listener (target of `make tunnel-kafka`)."
  value       = var.kafka_node_port
}

output "grafana_node_port" {
  description = "NodePort of Grafana (target of `make tunnel-grafana`)."
  value       = var.grafana_node_port
}

################################################################################
# DocumentDB
################################################################################

output "documentdb_endpoint" {
  description = "Writer endpoint of the DocumentDB cluster (TLS required)."
  value       = try(module.documentdb.endpoint, null)
}

output "documentdb_reader_endpoint" {
  description = "Reader endpoint of the DocumentDB cluster."
  value       = try(module.documentdb.reader_endpoint, null)
}

output "documentdb_port" {
  description = "TCP port of the DocumentDB cluster."
  value       = try(module.documentdb.port, null)
}

output "documentdb_username" {
  description = "DocumentDB master user name."
  value       = var.db_username
}

output "documentdb_password" {
  description = "DocumentDB master password (read by `make ca4-platform-setup` into a Kubernetes Secret, never written to the repository)."
  value       = var.db_password
  sensitive   = true
}

################################################################################
# Archive bucket
################################################################################

output "s3_bucket_name" {
  description = "Name of the S3 archive bucket (null when create_archive_bucket is false)."
  value       = try(module.archive_bucket[0].bucket_name, null)
}

output "s3_bucket_url" {
  description = "s3:// URL of the archive bucket."
  value       = try(module.archive_bucket[0].bucket_url, null)
}

output "s3_bucket_arn" {
  description = "ARN of the archive bucket."
  value       = try(module.archive_bucket[0].bucket_arn, null)
}
