locals {
  # Ports the K3s nodes use between themselves, and nothing else
  # (https://docs.k3s.io/installation/requirements#inbound-rules-for-k3s-nodes);
  # the K3s API itself is open to the whole VPC below.
  node_to_node_ports = {
    kubelet = { protocol = "tcp", from = 10250, to = 10250 }
    flannel = { protocol = "udp", from = 8472, to = 8472 }
    etcd    = { protocol = "tcp", from = 2379, to = 2380 }
  }

  # Services reachable from anywhere in the VPC (the bastion forwards the tunnels to them).
  vpc_to_node_ports = {
    k3s-api = var.k3s_api_port
    kafka   = var.kafka_node_port
    grafana = var.grafana_node_port
  }

  # Where the bastion may connect: SSH to the nodes and the tunnel targets.
  bastion_to_vpc_ports = merge({ ssh = 22 }, local.vpc_to_node_ports)
}

################################################################################
# Bastion
################################################################################

resource "aws_security_group" "bastion" {
  name        = "${var.name}-bastion"
  description = "Bastion: SSH from the operator only"
  vpc_id      = var.vpc_id

  tags = merge({ Name = "${var.name}-bastion" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "bastion_ssh" {
  security_group_id = aws_security_group.bastion.id
  description       = "SSH from the operator"
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = var.my_ip_cidr
}

resource "aws_vpc_security_group_egress_rule" "bastion_to_vpc" {
  for_each = local.bastion_to_vpc_ports

  security_group_id = aws_security_group.bastion.id
  description       = "Bastion to ${each.key} inside the VPC"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_security_group_egress_rule" "bastion_https" {
  security_group_id = aws_security_group.bastion.id
  description       = "Bastion package updates over HTTPS"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

################################################################################
# K3s nodes
################################################################################

resource "aws_security_group" "nodes" {
  name        = "${var.name}-k3s-nodes"
  description = "K3s nodes: SSH from the bastion, cluster ports between nodes, tunnel targets from the VPC"
  vpc_id      = var.vpc_id

  tags = merge({ Name = "${var.name}-k3s-nodes" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "nodes_ssh_from_bastion" {
  security_group_id            = aws_security_group.nodes.id
  description                  = "SSH from the bastion only"
  ip_protocol                  = "tcp"
  from_port                    = 22
  to_port                      = 22
  referenced_security_group_id = aws_security_group.bastion.id
}

resource "aws_vpc_security_group_ingress_rule" "nodes_from_nodes" {
  for_each = local.node_to_node_ports

  security_group_id            = aws_security_group.nodes.id
  description                  = "K3s ${each.key} between nodes"
  ip_protocol                  = each.value.protocol
  from_port                    = each.value.from
  to_port                      = each.value.to
  referenced_security_group_id = aws_security_group.nodes.id
}

resource "aws_vpc_security_group_ingress_rule" "nodes_from_vpc" {
  for_each = local.vpc_to_node_ports

  security_group_id = aws_security_group.nodes.id
  description       = "${each.key} from inside the VPC only"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = var.vpc_cidr
}

# Nodes pull container images from public registries through the NAT gateway.
resource "aws_vpc_security_group_egress_rule" "nodes_all" {
  security_group_id = aws_security_group.nodes.id
  description       = "Nodes to anywhere (image pulls via NAT, DocumentDB, S3)"
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

################################################################################
# DocumentDB
################################################################################

resource "aws_security_group" "documentdb" {
  name        = "${var.name}-documentdb"
  description = "DocumentDB: only from the K3s nodes"
  vpc_id      = var.vpc_id

  tags = merge({ Name = "${var.name}-documentdb" }, var.tags)

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "documentdb_from_nodes" {
  security_group_id            = aws_security_group.documentdb.id
  description                  = "DocumentDB from the K3s nodes only"
  ip_protocol                  = "tcp"
  from_port                    = var.documentdb_port
  to_port                      = var.documentdb_port
  referenced_security_group_id = aws_security_group.nodes.id
}
